import AsyncHTTPClient
import Foundation
import IdentityEmulator
import Subprocess
import Testing

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// Whether the official SDK test runs: always when `DOCPROOF_REQUIRE_PYTHON_SDK=1` (CI), else
/// only when PyPI answers.
enum PythonSDKEnvironment {
  static let package = "azure-communication-identity==1.5.0"

  static var isRequired: Bool {
    ProcessInfo.processInfo.environment["DOCPROOF_REQUIRE_PYTHON_SDK"] == "1"
  }

  static func shouldRun() async -> Bool {
    if isRequired { return true }
    var request = HTTPClientRequest(url: "https://pypi.org/simple/azure-communication-identity/")
    request.method = .HEAD
    do {
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
      return response.status.code < 500
    } catch {
      return false
    }
  }
}

@Suite("The official Python SDK against the emulator")
struct OfficialPythonSDKTests {
  static let script = SignedRequestVector.fixtures.appendingPathComponent("official_sdk_check.py")
  static let checks = [
    "create_user", "get_token", "create_user_and_token", "custom_expiration", "revoke_tokens",
    "delete_user", "get_token_for_teams_user", "teams_exchange_errors",
    "expiration_out_of_range", "missing_and_unknown_scopes", "unknown_identity",
    "wrong_access_key",
  ]

  @Test(
    "azure-communication-identity 1.5.0 from PyPI passes every check over TLS",
    .enabled("PyPI is unreachable and DOCPROOF_REQUIRE_PYTHON_SDK is not 1") {
      await PythonSDKEnvironment.shouldRun()
    },
    .timeLimit(.minutes(10)))
  func officialSDK() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("docproof-python-sdk-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let venv = directory.appendingPathComponent("venv").path

    let python = ProcessInfo.processInfo.environment["DOCPROOF_PYTHON"] ?? "python3"
    let created = try await ProgramRun.run(
      python.contains("/") ? FilePath(python) : try await Self.resolve(python),
      arguments: ["-m", "venv", venv])
    try #require(created.status == .exited(0), "python -m venv failed: \(created.standardError)")

    let venvPython = FilePath(venv + "/bin/python")
    let installed = try await ProgramRun.run(
      venvPython,
      arguments: [
        "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        PythonSDKEnvironment.package,
      ])
    try #require(
      installed.status == .exited(0),
      "pip install \(PythonSDKEnvironment.package) failed: \(installed.standardError)")

    try await IdentityEmulator.withRunning(EmulatorConfiguration(tls: true)) { emulator in
      let certificate = try #require(emulator.certificateFile)
      let run = try await ProgramRun.run(
        venvPython, arguments: [Self.script.path],
        environment: [
          "COMMUNICATION_SERVICES_CONNECTION_STRING": emulator.connectionString,
          "REQUESTS_CA_BUNDLE": certificate,
        ])
      #expect(run.status == .exited(0), "\(run.standardOutput)\n\(run.standardError)")
      let passed = run.standardOutput.split(separator: "\n")
        .filter { $0.hasPrefix("PASS ") }.map { String($0.dropFirst(5)) }
      #expect(passed == Self.checks, "\(run.standardOutput)")
      #expect(run.standardOutput.contains("ALL CHECKS PASSED \(Self.checks.count)"))
    }
  }

  /// The full path of a program on PATH.
  static func resolve(_ name: String) async throws -> FilePath {
    try await Executable.name(name).resolveExecutablePath(in: .inherit)
  }
}
