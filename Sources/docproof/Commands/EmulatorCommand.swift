import ArgumentParser
import Foundation
import IdentityEmulator

/// `docproof emulator`: runs the Communication Services Identity emulator in the foreground.
struct EmulatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "emulator",
    abstract: "Run the Communication Services Identity emulator in the foreground.",
    discussion: """
      The first line of standard output is the connection string; with --tls it is followed \
      by a space and the path of the PEM certificate to trust. Stops on SIGINT or SIGTERM.
      """
  )

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 0

  @Flag(help: "Serve HTTPS with a self-signed certificate for localhost and 127.0.0.1.")
  var tls = false

  @Flag(help: "Fixed clock, sequential ids and fixed keys, so runs are byte-for-byte repeatable.")
  var deterministic = false

  @Option(
    name: .customLong("clock-skew"),
    help: ArgumentHelp(
      "How many seconds a request's x-ms-date may be from the emulator's clock.",
      valueName: "seconds"))
  var clockSkew = 900

  @Option(
    name: .customLong("read-timeout"),
    help: ArgumentHelp(
      "How many seconds a request may take from its first byte to its last (408 after).",
      valueName: "seconds"))
  var readTimeout = 10

  @Option(
    name: .customLong("max-connections"),
    help: ArgumentHelp(
      "How many connections the emulator holds at once; one more is answered 503 and closed.",
      valueName: "count"))
  var maxConnections = EmulatorConfiguration.defaultMaxConnections

  func validate() throws {
    guard (0...65_535).contains(port) else {
      throw ValidationError("--port must be between 0 and 65535.")
    }
    guard clockSkew >= 0 else { throw ValidationError("--clock-skew must be 0 or more.") }
    guard readTimeout >= 1 else { throw ValidationError("--read-timeout must be 1 or more.") }
    guard maxConnections >= 1 else {
      throw ValidationError("--max-connections must be 1 or more.")
    }
  }

  func run() async throws {
    let configuration = EmulatorConfiguration(
      host: host, port: port, tls: tls, deterministic: deterministic,
      allowedClockSkew: .seconds(clockSkew), requestReadTimeout: .seconds(readTimeout),
      maxConnections: maxConnections)
    do {
      try await IdentityEmulator.run(configuration) { emulator in
        FileHandle.standardOutput.write(Data((emulator.readyLine + "\n").utf8))
      }
    } catch {
      FileHandle.standardError.write(Data("docproof emulator: \(error)\n".utf8))
      throw ExitCode(2)
    }
  }
}
