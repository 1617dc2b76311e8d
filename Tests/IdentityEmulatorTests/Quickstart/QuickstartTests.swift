import CommunicationIdentity
import Foundation
import IdentityEmulator
import Subprocess
import Testing

@Suite("access-tokens-quickstart, the Swift reference implementation")
struct QuickstartTests {
  static let variable: Environment.Key = "COMMUNICATION_SERVICES_CONNECTION_STRING"

  /// Runs the quickstart against a fresh deterministic emulator.
  static func runAgainstDeterministicEmulator() async throws -> (ProgramRun, [TokenIntrospection]) {
    let quickstart = try Products.path("access-tokens-quickstart")
    return try await IdentityEmulator.withRunning(EmulatorConfiguration(deterministic: true)) {
      emulator in
      let run = try await ProgramRun.run(
        quickstart, environment: [variable: emulator.connectionString])
      let tokens = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("ey") }
      var introspections: [TokenIntrospection] = []
      for token in tokens { introspections.append(await emulator.introspect(String(token))) }
      return (run, introspections)
    }
  }

  @Test("prints exactly the quickstart's lines, and the tokens are the emulator's")
  func transcript() async throws {
    let (run, introspections) = try await Self.runAgainstDeterministicEmulator()
    #expect(run.status == .exited(0))
    #expect(run.standardError.isEmpty, "\(run.standardError)")

    let lines = run.standardOutput.components(separatedBy: "\n")
    try #require(lines.count == 16, "\(run.standardOutput)")
    let prefix = "8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-0000-0000-00000000000"
    let expiry = "2023-10-19T15:35:25.8305618+00:00"
    let expected = [
      "Azure Communication Services - Access Tokens Quickstart",
      "",
      "Created an identity with ID: \(prefix)1",
      "",
      "Issued an access token with 'voip' scope that expires at \(expiry):",
      lines[5],
      "",
      "Created an identity with ID: \(prefix)2",
      "",
      "Issued an access token with 'voip' scope that expires at \(expiry):",
      lines[10],
      "",
      "Successfully revoked all access tokens for identity with ID: \(prefix)1",
      "",
      "Deleted the identity with ID: \(prefix)1",
      "",
    ]
    #expect(lines == expected)
    // The first identity's token died with it; the second one's is alive.
    #expect(introspections.map(\.status) == [.identityDeleted, .active])
    #expect(introspections.map(\.identity) == ["\(prefix)1", "\(prefix)2"])
  }

  @Test("two runs against deterministic emulators print the same bytes")
  func repeatable() async throws {
    let first = try await Self.runAgainstDeterministicEmulator().0
    let second = try await Self.runAgainstDeterministicEmulator().0
    #expect(first.status == .exited(0))
    #expect(first.standardOutput == second.standardOutput)
    #expect(!first.standardOutput.isEmpty)
  }

  @Test("without the connection string it says what to set, on stderr, and exits 1")
  func missingConnectionString() async throws {
    let run = try await ProgramRun.run(
      try Products.path("access-tokens-quickstart"), environment: [Self.variable: nil])
    #expect(run.status == .exited(1))
    #expect(run.standardOutput.isEmpty)
    #expect(run.standardError.contains("Set COMMUNICATION_SERVICES_CONNECTION_STRING"))
  }

  @Test("a malformed connection string is reported on stderr with exit 1")
  func malformedConnectionString() async throws {
    let run = try await ProgramRun.run(
      try Products.path("access-tokens-quickstart"),
      environment: [Self.variable: "endpoint=https://x.communication.azure.com/"])
    #expect(run.status == .exited(1))
    #expect(run.standardError.contains("no 'accesskey=' part"))
  }

  @Test("a rejected request is reported with the service's error and exit 1")
  func serviceError() async throws {
    let quickstart = try Products.path("access-tokens-quickstart")
    try await IdentityEmulator.withRunning { emulator in
      let wrongKey = ConnectionString(
        endpoint: emulator.endpoint, accessKey: Array(repeating: 3, count: 64))
      let run = try await ProgramRun.run(
        quickstart, environment: [Self.variable: wrongKey.stringValue])
      #expect(run.status == .exited(1))
      #expect(run.standardError.contains("Create user failed with HTTP 401 Denied"))
      #expect(await emulator.identityCount() == 0)
    }
  }
}
