import ArgumentParser
import CommunicationIdentity
import Foundation
import IdentityEmulator
import JWTKit

/// `identity-load`: N concurrent signing clients create identities and issue tokens against
/// the emulator, then every id is checked for uniqueness and every token is verified.
@main
struct IdentityLoad: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "identity-load",
    abstract: "Load-check the Identity emulator with concurrent signing clients.")

  @Option(help: "Concurrent clients, each with its own connections.")
  var clients = 8

  @Option(help: "Identities to create in all; each also gets a token (two requests).")
  var identities = 2000

  @Flag(help: "Serve and connect over HTTPS.")
  var tls = false

  func validate() throws {
    guard clients > 0, identities >= clients else {
      throw ValidationError("--clients must be positive and at most --identities.")
    }
  }

  func run() async throws {
    let configuration = EmulatorConfiguration(tls: tls)
    let report = try await IdentityEmulator.withRunning(configuration) { emulator in
      try await LoadRun(emulator: emulator, clients: clients, identities: identities).run()
    }
    print(report.text)
    if !report.passed { throw ExitCode(1) }
  }
}

/// One load run against a running emulator.
struct LoadRun {
  let emulator: RunningEmulator
  let clients: Int
  let identities: Int

  /// What one client saw.
  struct ClientResult: Sendable {
    var createLatencies: [Duration] = []
    var issueLatencies: [Duration] = []
    var errors: [String] = []
    var issued: [(id: String, token: String)] = []
  }

  func run() async throws -> LoadReport {
    let clock = ContinuousClock()
    let perClient = (0..<clients).map { index in
      identities / clients + (index < identities % clients ? 1 : 0)
    }
    let start = clock.now
    let results = try await withThrowingTaskGroup(of: ClientResult.self) { group in
      for count in perClient {
        let client = try CommunicationIdentityClient(
          connectionString: emulator.connectionString,
          configuration: .init(trustedCertificatesFile: emulator.certificateFile))
        group.addTask {
          let result = await Self.drive(client, iterations: count, clock: clock)
          try? await client.shutdown()
          return result
        }
      }
      var results: [ClientResult] = []
      for try await result in group { results.append(result) }
      return results
    }
    let elapsed = start.duration(to: clock.now)

    let issued = results.flatMap(\.issued)
    let uniqueIDs = Set(issued.map(\.id)).count
    let verification = try await verify(issued)
    return LoadReport(
      clients: clients, identities: identities, tls: emulator.certificateFile != nil,
      elapsed: elapsed,
      createLatencies: results.flatMap(\.createLatencies),
      issueLatencies: results.flatMap(\.issueLatencies),
      errors: results.flatMap(\.errors), issuedCount: issued.count, uniqueIDs: uniqueIDs,
      verifiedTokens: verification.verified, failedTokens: verification.failures)
  }

  /// Creates identities and issues each a token, one after the other.
  static func drive(_ client: CommunicationIdentityClient, iterations: Int, clock: ContinuousClock)
    async -> ClientResult
  {
    var result = ClientResult()
    for _ in 0..<iterations {
      do {
        let createStart = clock.now
        let user = try await client.createUser()
        result.createLatencies.append(createStart.duration(to: clock.now))
        let issueStart = clock.now
        let token = try await client.getToken(for: user, scopes: [.voip])
        result.issueLatencies.append(issueStart.duration(to: clock.now))
        result.issued.append((user.rawId, token.token))
      } catch {
        result.errors.append("\(error)")
      }
    }
    return result
  }

  /// Checks every token's RS256 signature with the emulator's public key, its `skypeid`
  /// claim, and that the emulator still counts it as active.
  func verify(_ issued: [(id: String, token: String)]) async throws -> (
    verified: Int, failures: [String]
  ) {
    let keys = JWTKeyCollection()
    await keys.add(
      rsa: try Insecure.RSA.PublicKey(pem: emulator.tokenPublicKeyPEM), digestAlgorithm: .sha256)
    var verified = 0
    var failures: [String] = []
    for (id, token) in issued {
      do {
        let claims = try await keys.verify(token, as: Claims.self)
        guard "8:" + claims.skypeid == id else {
          failures.append("\(id): skypeid claim is \(claims.skypeid)")
          continue
        }
        let status = await emulator.introspect(token).status
        guard status == .active else {
          failures.append("\(id): introspection says \(status)")
          continue
        }
        verified += 1
      } catch {
        failures.append("\(id): \(error)")
      }
    }
    return (verified, failures)
  }

  struct Claims: JWTPayload {
    var skypeid: String
    func verify(using algorithm: some JWTAlgorithm) async throws {}
  }
}

/// The figures of a load run.
struct LoadReport {
  let clients: Int
  let identities: Int
  let tls: Bool
  let elapsed: Duration
  let createLatencies: [Duration]
  let issueLatencies: [Duration]
  let errors: [String]
  let issuedCount: Int
  let uniqueIDs: Int
  let verifiedTokens: Int
  let failedTokens: [String]

  var requests: Int { createLatencies.count + issueLatencies.count + errors.count }

  var passed: Bool {
    errors.isEmpty && uniqueIDs == identities && verifiedTokens == identities
      && failedTokens.isEmpty
  }

  var text: String {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let all = createLatencies + issueLatencies
    var lines = [
      "identity-load: \(clients) clients, \(identities) identities, \(tls ? "HTTPS" : "HTTP")",
      "requests        \(requests) in \(format(seconds)) s = \(format(Double(requests) / seconds)) req/s",
      "latency (ms)    p50 \(format(percentile(all, 0.50)))  p99 \(format(percentile(all, 0.99)))  max \(format(percentile(all, 1.0)))",
      "  create        p50 \(format(percentile(createLatencies, 0.50)))  p99 \(format(percentile(createLatencies, 0.99)))",
      "  issue token   p50 \(format(percentile(issueLatencies, 0.50)))  p99 \(format(percentile(issueLatencies, 0.99)))",
      "errors          \(errors.count)",
      "unique ids      \(uniqueIDs) of \(identities)",
      "tokens verified \(verifiedTokens) of \(identities) (RS256 signature, skypeid, introspection)",
      passed ? "PASS" : "FAIL",
    ]
    lines += errors.prefix(5).map { "  error: \($0)" }
    lines += failedTokens.prefix(5).map { "  token: \($0)" }
    return lines.joined(separator: "\n")
  }

  /// The latency at a quantile, in milliseconds (nearest rank).
  private func percentile(_ values: [Duration], _ quantile: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = max(1, Int((quantile * Double(sorted.count)).rounded(.up)))
    let value = sorted[min(rank, sorted.count) - 1].components
    return Double(value.seconds) * 1000 + Double(value.attoseconds) / 1e15
  }

  private func format(_ value: Double) -> String {
    String(format: "%.1f", value)
  }
}
