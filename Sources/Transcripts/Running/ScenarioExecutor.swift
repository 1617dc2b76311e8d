import DocSite
import Foundation
import IdentityEmulator
import ProcessRunner

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
      return ProgramRun.failedToStart(
        "its working directory '\(scenario.workingDirectory)' leads outside the project")
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
          // Python's requests, and OpenSSL-based clients, trust the emulator through these;
          // Node.js through NODE_EXTRA_CA_CERTS; a JDK through a trust store made for it.
          environment["REQUESTS_CA_BUNDLE"] = certificate
          environment["SSL_CERT_FILE"] = certificate
          environment["NODE_EXTRA_CA_CERTS"] = certificate
          if scenario.runner == .java {
            switch await Self.javaTrustStore(for: certificate, runner: runner) {
            case .success(let options): environment["JAVA_TOOL_OPTIONS"] = options
            case .failure(let reason):
              return ProgramRun.failedToStart(reason.description)
            }
          }
        }
        return await runner.run(
          scenario.command, workingDirectory: directory, environment: environment, timeout: timeout)
      }
    } catch {
      return ProgramRun.failedToStart("the Identity emulator could not start: \(error)")
    }
  }

  struct TrustStoreError: Error, CustomStringConvertible {
    var description: String
  }

  /// A PKCS #12 trust store holding the emulator's certificate, beside it, made with the
  /// JDK's keytool; the JVM options that make it the default.
  static func javaTrustStore(for certificate: String, runner: ProgramRunner) async
    -> Result<String, TrustStoreError>
  {
    let store = (certificate as NSString).deletingLastPathComponent + "/trust.p12"
    let password = "docproof"
    if !FileManager.default.fileExists(atPath: store) {
      let keytool = await runner.run(
        [
          "keytool", "-importcert", "-noprompt", "-alias", "docproof-emulator", "-file",
          certificate, "-keystore", store, "-storetype", "PKCS12", "-storepass", password,
        ], workingDirectory: (certificate as NSString).deletingLastPathComponent,
        timeout: .seconds(60))
      guard keytool.succeeded else {
        return .failure(
          TrustStoreError(
            description:
              "keytool could not make a trust store for the emulator (\(keytool.outcome))"))
      }
    }
    return .success(
      "-Djavax.net.ssl.trustStore=\(store) -Djavax.net.ssl.trustStorePassword=\(password) -Djavax.net.ssl.trustStoreType=PKCS12"
    )
  }
}
