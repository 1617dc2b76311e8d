import ArgumentParser
import Foundation

/// `identity-soak`: a `docproof emulator` process under many connections of mixed and
/// adversarial requests for minutes, then checked for consistency, errors and memory.
@main
struct IdentitySoak: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "identity-soak",
    abstract: "Soak the Identity emulator: mixed and adversarial load, then consistency checks.")

  @Option(help: "The docproof binary whose emulator is soaked.")
  var docproof = "../../.build/release/docproof"

  @Option(help: "Concurrent clients, each on its own connection.")
  var connections = 200

  @Option(help: "Seconds of mixed operations.")
  var duration = 300

  @Option(help: "Seconds of state-neutral load after it, during which memory must not grow.")
  var steady = 60

  @Option(help: "The emulator's --clock-skew: the date window, in seconds.")
  var clockSkew = 60

  @Option(help: "The emulator's --read-timeout, in seconds.")
  var readTimeout = 5

  @Option(help: "The emulator's --max-connections; the idle flood opens as many.")
  var maxConnections = 400

  @Flag(help: "Serve and connect over HTTPS.")
  var tls = false

  func validate() throws {
    guard connections > 0, duration > clockSkew + 10, steady >= 20 else {
      throw ValidationError(
        "--connections must be positive, --duration longer than --clock-skew plus 10 s (the "
          + "late replay happens during it), and --steady at least 20 s.")
    }
    guard maxConnections > connections + 50 else {
      throw ValidationError(
        "--max-connections must leave room beside the workers' connections: more than "
          + "--connections plus 50 (the attacks' own pool and slow clients).")
    }
    guard FileManager.default.isExecutableFile(atPath: docproof) else {
      throw ValidationError(
        "\(docproof) is not an executable; build it with `swift build -c release` at the "
          + "repository's root, or pass --docproof PATH.")
    }
  }

  func run() async throws {
    var arguments = [
      "--clock-skew", String(clockSkew), "--read-timeout", String(readTimeout),
      "--max-connections", String(maxConnections),
    ]
    if tls { arguments.append("--tls") }
    let settings = SoakRun.Settings(
      connections: connections, duration: .seconds(duration), steady: .seconds(steady),
      clockSkew: TimeInterval(clockSkew), readTimeout: TimeInterval(readTimeout),
      maxConnections: maxConnections, tls: tls)
    let report = try await EmulatorProcess.run(docproof: docproof, arguments: arguments) {
      emulator in
      try await SoakRun(emulator: emulator, settings: settings).run()
    }
    print(report.text)
    if !report.passed { throw ExitCode(1) }
  }
}

extension Duration {
  /// The duration in seconds, with its fraction.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
