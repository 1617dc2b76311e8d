import CommunicationIdentity
import Foundation
import IdentityEmulator
import Testing

@Suite("The Swift client against the emulator, over HTTP and HTTPS")
struct ClientAgainstEmulatorTests {
  /// Runs `body` with a client of an emulator: plain HTTP with the shared client, or HTTPS
  /// with a client that trusts the emulator's certificate.
  static func withClient(
    tls: Bool, deterministic: Bool = false,
    _ body: (CommunicationIdentityClient, RunningEmulator) async throws -> Void
  ) async throws {
    try await IdentityEmulator.withRunning(
      EmulatorConfiguration(tls: tls, deterministic: deterministic)
    ) { emulator in
      if tls {
        let client = try CommunicationIdentityClient(
          connectionString: emulator.connectionString,
          configuration: .init(trustedCertificatesFile: emulator.certificateFile))
        do {
          try await body(client, emulator)
        } catch {
          try await client.shutdown()
          throw error
        }
        try await client.shutdown()
      } else {
        try await body(
          try CommunicationIdentityClient(connectionString: emulator.connectionString), emulator)
      }
    }
  }

  @Test("all five operations succeed and their results are true", arguments: [false, true])
  func operations(tls: Bool) async throws {
    try await Self.withClient(tls: tls) { client, emulator in
      #expect(client.endpoint.scheme == (tls ? .https : .http))
      let user = try await client.createUser()
      #expect(user.rawId.hasPrefix("8:acs:"))

      let before = Date()
      let token = try await client.getToken(for: user, scopes: [.voip])
      #expect(token.expiresOn.rawValue.count == "2023-10-19T15:35:25.8305618+00:00".count)
      #expect(token.expiresOn.rawValue.hasSuffix("+00:00"))
      let lifetime = token.expiresOn.date.timeIntervalSince(before)
      #expect(lifetime > 24 * 3600 - 120 && lifetime < 24 * 3600 + 120)
      #expect(await emulator.introspect(token.token).status == .active)

      let pair = try await client.createUserAndToken(scopes: [.chat, .voip], expiresInMinutes: 60)
      #expect(pair.user != user)
      #expect(await emulator.introspect(pair.accessToken.token).scopes == ["chat", "voip"])
      let hour = pair.accessToken.expiresOn.date.timeIntervalSince(before)
      #expect(hour > 3600 - 120 && hour < 3600 + 120)

      try await client.revokeTokens(for: user)
      #expect(await emulator.introspect(token.token).status == .revoked)

      try await client.deleteUser(user)
      #expect(await emulator.introspect(token.token).status == .identityDeleted)
      #expect(await emulator.identityCount() == 1)
    }
  }

  @Test("the 2023-10-01 scopes are accepted")
  func newScopes() async throws {
    try await Self.withClient(tls: false) { client, emulator in
      let pair = try await client.createUserAndToken(
        scopes: [.chatJoin, .chatJoinLimited, .voipJoin])
      #expect(
        await emulator.introspect(pair.accessToken.token).scopes == [
          "chat.join", "chat.join.limited", "voip.join",
        ])
    }
  }

  @Test("service errors arrive typed, with the service's status, code, message and target")
  func serviceErrors() async throws {
    try await Self.withClient(tls: true) { client, _ in
      let user = try await client.createUser()
      let tooShort = try await #require(throws: CommunicationIdentityError.self) {
        _ = try await client.getToken(for: user, scopes: [.chat], expiresInMinutes: 59)
      }
      guard case .service(let error) = tooShort else {
        Issue.record("expected a service error, got \(tooShort)")
        return
      }
      #expect(error.status == 400)
      #expect(error.code == "ValidationError")
      #expect(
        error.message
          == "ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.")
      #expect(error.target == "ExpiresInMinutes")
      #expect(error.operation == "Issue access token")
      #expect(tooShort.description.contains("HTTP 400 ValidationError"))

      try await client.deleteUser(user)
      let gone = try await #require(throws: CommunicationIdentityError.self) {
        try await client.revokeTokens(for: user)
      }
      guard case .service(let notFound) = gone else {
        Issue.record("expected a service error, got \(gone)")
        return
      }
      #expect(notFound.status == 404)
      #expect(notFound.code == "IdentityNotFound")
    }
  }

  @Test("a wrong access key is a typed 401 Denied")
  func wrongKey() async throws {
    try await IdentityEmulator.withRunning { emulator in
      let wrong = ConnectionString(
        endpoint: emulator.endpoint, accessKey: Array(repeating: 9, count: 64))
      let client = try CommunicationIdentityClient(connectionString: wrong.stringValue)
      let failure = try await #require(throws: CommunicationIdentityError.self) {
        _ = try await client.createUser()
      }
      guard case .service(let error) = failure else {
        Issue.record("expected a service error, got \(failure)")
        return
      }
      #expect(error.status == 401)
      #expect(error.code == "Denied")
    }
  }

  @Test("Teams user exchange through the client")
  func teamsExchange() async throws {
    try await Self.withClient(tls: false) { client, emulator in
      let entraToken = try JWTParts.unsignedToken(claims: [
        "appid": TeamsUserExchangeTests.appID, "oid": TeamsUserExchangeTests.userID,
        "exp": Int(Date().timeIntervalSince1970) + 3600,
      ])
      let token = try await client.getTokenForTeamsUser(
        token: entraToken, appId: TeamsUserExchangeTests.appID,
        userId: TeamsUserExchangeTests.userID)
      #expect(
        await emulator.introspect(token.token).identity
          == "8:orgid:\(TeamsUserExchangeTests.userID)")
      let failure = try await #require(throws: CommunicationIdentityError.self) {
        _ = try await client.getTokenForTeamsUser(
          token: "invalid", appId: TeamsUserExchangeTests.appID,
          userId: TeamsUserExchangeTests.userID)
      }
      guard case .service(let error) = failure else {
        Issue.record("expected a service error, got \(failure)")
        return
      }
      #expect(error.status == 401)
      #expect(error.code == "InvalidAccessToken")
    }
  }

  @Test("HTTPS without trusting the emulator's certificate fails: the TLS is real")
  func untrustedCertificate() async throws {
    try await IdentityEmulator.withRunning(EmulatorConfiguration(tls: true)) { emulator in
      // The HTTP client retries failed connections until the request's deadline.
      let client = try CommunicationIdentityClient(
        connectionString: emulator.connectionString,
        configuration: .init(requestTimeout: .seconds(3)))
      let failure = try await #require(throws: CommunicationIdentityError.self) {
        _ = try await client.createUser()
      }
      try await client.shutdown()
      guard case .transport(let operation, _, _) = failure else {
        Issue.record("expected a transport error, got \(failure)")
        return
      }
      #expect(operation == "Create user")
      #expect(await emulator.identityCount() == 0)
    }
  }

  @Test("the certificate is valid for localhost as well as 127.0.0.1")
  func localhostName() async throws {
    try await IdentityEmulator.withRunning(EmulatorConfiguration(tls: true)) { emulator in
      let port = try #require(emulator.endpoint.port)
      let key = try ConnectionString(emulator.connectionString).accessKey
      let connection = ConnectionString(
        endpoint: Endpoint(scheme: .https, host: "localhost", port: port), accessKey: key)
      let client = try CommunicationIdentityClient(
        connectionString: connection.stringValue,
        configuration: .init(trustedCertificatesFile: emulator.certificateFile))
      let user = try await client.createUser()
      try await client.shutdown()
      #expect(user.rawId.hasPrefix("8:acs:"))
    }
  }

  @Test("an unreadable trusted certificates file is a setup error")
  func unreadableCertificates() {
    #expect(throws: ClientSetupError.self) {
      _ = try CommunicationIdentityClient(
        connectionString: "endpoint=https://localhost:1/;accesskey=AA==",
        configuration: .init(trustedCertificatesFile: "/nonexistent/ca.pem"))
    }
  }

  @Test("nothing listening is a typed transport error naming the endpoint")
  func nothingListening() async throws {
    let port = try await IdentityEmulator.withRunning { $0.endpoint.port! }
    // The HTTP client retries failed connections until the request's deadline.
    let client = try CommunicationIdentityClient(
      connectionString: "endpoint=http://127.0.0.1:\(port)/;accesskey=AA==",
      configuration: .init(requestTimeout: .seconds(2)))
    let failure = try await #require(throws: CommunicationIdentityError.self) {
      _ = try await client.createUser()
    }
    try await client.shutdown()
    guard case .transport(_, let endpoint, _) = failure else {
      Issue.record("expected a transport error, got \(failure)")
      return
    }
    #expect(endpoint == "http://127.0.0.1:\(port)")
  }
}
