import CommunicationIdentity
import Foundation
import IdentityEmulator
import Subprocess
import Testing

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

@Suite("docproof emulator")
struct EmulatorCommandTests {
  /// Starts `docproof emulator` with arguments, hands its first stdout line to `body`, then
  /// sends `signal` and returns how it ended.
  static func withEmulatorProcess(
    _ arguments: [String], stopWith signal: Subprocess.Signal,
    _ body: (String) async throws -> Void
  ) async throws -> TerminationStatus {
    let docproof = try Products.path("docproof")
    let result = try await Subprocess.run(
      .path(docproof), arguments: Arguments(["emulator"] + arguments), input: .none,
      output: .sequence, error: .discarded
    ) { execution in
      var lines = execution.standardOutput.strings().makeAsyncIterator()
      let first = try await lines.next()
      do {
        try await body(
          try #require(first, "docproof emulator printed nothing").trimmingCharacters(in: .newlines)
        )
      } catch {
        try? execution.send(signal: .kill)
        throw error
      }
      try execution.send(signal: signal)
      while try await lines.next() != nil {}
    }
    return result.terminationStatus
  }

  @Test(
    "prints the connection string first, serves it, and stops cleanly on a signal",
    arguments: [Subprocess.Signal.interrupt, .terminate])
  func servesAndStops(signal: Subprocess.Signal) async throws {
    let status = try await Self.withEmulatorProcess(["--deterministic"], stopWith: signal) {
      line in
      let connection = try ConnectionString(line)
      #expect(connection.endpoint.scheme == .http)
      #expect(connection.endpoint.host == "127.0.0.1")
      let client = try CommunicationIdentityClient(connectionString: line)
      let user = try await client.createUser()
      #expect(
        user.rawId
          == "8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-0000-0000-000000000001")
    }
    #expect(status == .exited(0))
  }

  @Test("with --tls it also prints the certificate to trust, which the client then trusts")
  func tls() async throws {
    var certificatePath = ""
    let status = try await Self.withEmulatorProcess(["--tls"], stopWith: .terminate) { line in
      let parts = line.split(separator: " ").map(String.init)
      try #require(parts.count == 2, "\(line)")
      certificatePath = parts[1]
      #expect(FileManager.default.fileExists(atPath: certificatePath))
      let pem = try String(contentsOfFile: certificatePath, encoding: .utf8)
      #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
      let client = try CommunicationIdentityClient(
        connectionString: parts[0], configuration: .init(trustedCertificatesFile: certificatePath))
      #expect(client.endpoint.scheme == .https)
      let pair = try await client.createUserAndToken(scopes: [.voip])
      try await client.shutdown()
      #expect(pair.user.rawId.hasPrefix("8:acs:"))
    }
    #expect(status == .exited(0))
    // The certificate file goes away with the emulator.
    #expect(!FileManager.default.fileExists(atPath: certificatePath))
  }

  @Test("--port honors the port asked for; a taken port is a clear error with exit 2")
  func ports() async throws {
    let port = try await IdentityEmulator.withRunning { emulator in
      let port = try #require(emulator.endpoint.port)
      // While the in-process emulator holds the port, the command cannot have it.
      let run = try await ProgramRun.run(
        try Products.path("docproof"), arguments: ["emulator", "--port", String(port)])
      #expect(run.status == .exited(2))
      #expect(run.standardError.contains("could not listen on 127.0.0.1:\(port)"))
      return port
    }
    let status = try await Self.withEmulatorProcess(["--port", String(port)], stopWith: .terminate)
    {
      line in
      let endpoint = try ConnectionString(line).endpoint
      #expect(endpoint.port == port)
    }
    #expect(status == .exited(0))
  }

  @Test("an out-of-range port is a usage error")
  func badPort() async throws {
    let run = try await ProgramRun.run(
      try Products.path("docproof"), arguments: ["emulator", "--port", "70000"])
    #expect(run.status != .exited(0))
    #expect(run.standardError.contains("--port must be between 0 and 65535"))
  }

  @Test(
    "a negative --clock-skew or a --read-timeout under 1 is a usage error",
    arguments: [
      (["--clock-skew=-1"], "--clock-skew must be 0 or more"),
      (["--read-timeout", "0"], "--read-timeout must be 1 or more"),
      (["--max-connections", "0"], "--max-connections must be 1 or more"),
    ])
  func badTimes(_ arguments: [String], _ message: String) async throws {
    let run = try await ProgramRun.run(
      try Products.path("docproof"), arguments: ["emulator"] + arguments)
    #expect(run.status == .exited(2))
    #expect(run.standardError.contains(message), "\(run.standardError)")
  }

  @Test("--max-connections holds that many connections and answers one more with 503")
  func connectionLimit() async throws {
    let status = try await Self.withEmulatorProcess(
      ["--max-connections", "1", "--read-timeout", "20"], stopWith: .terminate
    ) { line in
      let port = try #require(try ConnectionString(line).endpoint.port)
      // The first connection says nothing for a while and holds the only place.
      async let holder = RawHTTP.exchange(
        port: port, parts: [(.seconds(3), Array("x\r\n\r\n".utf8))], timeout: .seconds(30))
      try await Task.sleep(for: .seconds(1))
      let refused = try await RawHTTP.exchange(
        port: port, Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
      #expect(try RawHTTP.parse(refused).status == 503)
      #expect(try RawHTTP.parse(try await holder).status == 400)
    }
    #expect(status == .exited(0))
  }
}
