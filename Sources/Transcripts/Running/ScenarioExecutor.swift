import DocSite
import IdentityEmulator

/// Runs a scenario: starts the deterministic Identity emulator in-process when the
/// scenario asks for it, points the program at it, and runs the program once.
public struct ScenarioExecutor: Sendable {
  public var runner: ProgramRunner

  public init(runner: ProgramRunner = ProgramRunner()) {
    self.runner = runner
  }

  /// Why a scenario cannot even start (a configuration problem, not a program failure).
  public struct SetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Runs `scenario` with its working directory under `projectRoot` (an absolute path).
  public func run(_ scenario: Configuration.Scenario, projectRoot: String) async -> ProgramRun {
    let joined =
      scenario.workingDirectory == "." ? projectRoot : projectRoot + "/" + scenario.workingDirectory
    guard let directory = ProjectPath.confined(joined, projectRoot: projectRoot) else {
      return ProgramRun(
        outcome: .failedToStart(
          "its working directory '\(scenario.workingDirectory)' leads outside the project"),
        stdout: [], stderr: [], stdoutTruncated: false, stderrTruncated: false, duration: .zero)
    }
    let timeout = Duration.milliseconds(Int64(scenario.timeoutSeconds * 1000))
    guard scenario.emulator != .none else {
      return await runner.run(
        scenario.command, workingDirectory: directory, environment: scenario.environment,
        timeout: timeout)
    }
    var configuration = EmulatorConfiguration()
    configuration.deterministic = true
    configuration.tls = scenario.emulator == .tls
    do {
      return try await IdentityEmulator.withRunning(configuration) { emulator in
        var environment = scenario.environment
        environment["COMMUNICATION_SERVICES_CONNECTION_STRING"] = emulator.connectionString
        if let certificate = emulator.certificateFile {
          // Python's requests, and OpenSSL-based clients, trust the emulator through these.
          environment["REQUESTS_CA_BUNDLE"] = certificate
          environment["SSL_CERT_FILE"] = certificate
        }
        return await runner.run(
          scenario.command, workingDirectory: directory, environment: environment, timeout: timeout)
      }
    } catch {
      return ProgramRun(
        outcome: .failedToStart("the Identity emulator could not start: \(error)"), stdout: [],
        stderr: [], stdoutTruncated: false, stderrTruncated: false, duration: .zero)
    }
  }
}
