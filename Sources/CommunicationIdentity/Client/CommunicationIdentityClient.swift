import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client of the Communication Services Identity REST API (api-version 2023-10-01) that
/// signs every request with the connection string's access key.
///
/// A client made with ``init(connectionString:)`` shares one process-wide HTTP client and
/// needs no cleanup. A client made with ``init(connectionString:configuration:)`` owns its
/// HTTP client: call ``shutdown()`` when done with it.
public struct CommunicationIdentityClient: Sendable {
  /// The api-version this client speaks.
  public static let apiVersion = "2023-10-01"

  let connection: ConnectionString
  let signer: HMACSigner
  let configuration: Configuration
  private let httpClient: HTTPClient
  private let ownsHTTPClient: Bool

  /// A client for the resource a connection string names, trusting the system's CAs.
  public init(connectionString: String) throws(ConnectionStringError) {
    self.connection = try ConnectionString(connectionString)
    self.signer = HMACSigner(accessKey: connection.accessKey)
    self.configuration = Configuration()
    self.httpClient = .shared
    self.ownsHTTPClient = false
  }

  /// A client with its own HTTP client, configured for a test endpoint (a custom trusted CA,
  /// another api-version, a timeout). Call ``shutdown()`` when done with it.
  public init(connectionString: String, configuration: Configuration) throws(ClientSetupError) {
    do {
      self.connection = try ConnectionString(connectionString)
    } catch {
      throw .connectionString(error)
    }
    self.signer = HMACSigner(accessKey: connection.accessKey)
    self.configuration = configuration
    self.httpClient = HTTPClient(
      eventLoopGroup: HTTPClient.defaultEventLoopGroup,
      configuration: try configuration.httpClientConfiguration())
    self.ownsHTTPClient = true
  }

  /// Releases the HTTP client this client owns; does nothing for a client that shares the
  /// process-wide one.
  public func shutdown() async throws {
    if ownsHTTPClient {
      try await httpClient.shutdown()
    }
  }

  /// The endpoint requests go to.
  public var endpoint: Endpoint { connection.endpoint }

  // MARK: Operations

  /// Creates a new user.
  public func createUser() async throws(CommunicationIdentityError) -> CommunicationUserIdentifier {
    let result: Wire.IdentityAccessTokenResult = try await send(
      "Create user", method: .POST, path: "/identities", body: nil, expecting: 201)
    return CommunicationUserIdentifier(result.identity.id)
  }

  /// Creates a new user and issues it an access token in one request.
  public func createUserAndToken(
    scopes: [CommunicationTokenScope], expiresInMinutes: Int? = nil
  ) async throws(CommunicationIdentityError) -> CommunicationUserAndToken {
    let operation = "Create user and token"
    let request = Wire.CreateIdentityRequest(
      createTokenWithScopes: scopes, expiresInMinutes: expiresInMinutes)
    let result: Wire.IdentityAccessTokenResult = try await send(
      operation, method: .POST, path: "/identities", body: try encode(request, operation),
      expecting: 201)
    guard let token = result.accessToken else {
      throw .unexpectedResponse(
        operation: operation, status: 201, body: "the response has no accessToken")
    }
    return CommunicationUserAndToken(
      user: CommunicationUserIdentifier(result.identity.id),
      accessToken: CommunicationAccessToken(token: token.token, expiresOn: token.expiresOn))
  }

  /// Issues an access token for a user.
  public func getToken(
    for user: CommunicationUserIdentifier, scopes: [CommunicationTokenScope],
    expiresInMinutes: Int? = nil
  ) async throws(CommunicationIdentityError) -> CommunicationAccessToken {
    let operation = "Issue access token"
    let request = Wire.IssueAccessTokenRequest(scopes: scopes, expiresInMinutes: expiresInMinutes)
    let token: Wire.AccessToken = try await send(
      operation, method: .POST, path: Self.identityPath(user) + "/:issueAccessToken",
      body: try encode(request, operation), expecting: 200)
    return CommunicationAccessToken(token: token.token, expiresOn: token.expiresOn)
  }

  /// Revokes every access token issued to a user so far.
  public func revokeTokens(for user: CommunicationUserIdentifier)
    async throws(CommunicationIdentityError)
  {
    try await sendExpectingNoContent(
      "Revoke access tokens", method: .POST,
      path: Self.identityPath(user) + "/:revokeAccessTokens")
  }

  /// Deletes a user and revokes its tokens.
  public func deleteUser(_ user: CommunicationUserIdentifier)
    async throws(CommunicationIdentityError)
  {
    try await sendExpectingNoContent("Delete user", method: .DELETE, path: Self.identityPath(user))
  }

  /// Exchanges a Teams user's Microsoft Entra ID (Azure AD) access token for a Communication
  /// Services access token.
  public func getTokenForTeamsUser(token: String, appId: String, userId: String)
    async throws(CommunicationIdentityError) -> CommunicationAccessToken
  {
    let operation = "Exchange Teams user token"
    let request = Wire.TeamsUserExchangeRequest(token: token, appId: appId, userId: userId)
    let result: Wire.AccessToken = try await send(
      operation, method: .POST, path: "/teamsUser/:exchangeAccessToken",
      body: try encode(request, operation), expecting: 200)
    return CommunicationAccessToken(token: result.token, expiresOn: result.expiresOn)
  }

  // MARK: Transport

  static func identityPath(_ user: CommunicationUserIdentifier) -> String {
    "/identities/" + PercentEncoding.encode(user.rawId)
  }

  private func encode(_ value: some Encodable, _ operation: String)
    throws(CommunicationIdentityError) -> [UInt8]
  {
    do {
      return Array(try JSONEncoder().encode(value))
    } catch {
      throw .unexpectedResponse(operation: operation, status: 0, body: "cannot encode: \(error)")
    }
  }

  private func send<Result: Decodable>(
    _ operation: String, method: HTTPMethod, path: String, body: [UInt8]?, expecting status: Int
  ) async throws(CommunicationIdentityError) -> Result {
    let response = try await exchange(operation, method: method, path: path, body: body)
    guard response.status == status else {
      throw Self.failure(operation, status: response.status, body: response.body)
    }
    do {
      return try JSONDecoder().decode(Result.self, from: Data(response.body))
    } catch {
      throw .unexpectedResponse(
        operation: operation, status: response.status,
        body: String(decoding: response.body, as: UTF8.self))
    }
  }

  private func sendExpectingNoContent(_ operation: String, method: HTTPMethod, path: String)
    async throws(CommunicationIdentityError)
  {
    let response = try await exchange(operation, method: method, path: path, body: nil)
    guard response.status == 204 else {
      throw Self.failure(operation, status: response.status, body: response.body)
    }
  }

  private static func failure(_ operation: String, status: Int, body: [UInt8])
    -> CommunicationIdentityError
  {
    if let failure = try? JSONDecoder().decode(Wire.ErrorResponse.self, from: Data(body)) {
      return .service(
        ServiceError(
          operation: operation, status: status, code: failure.error.code,
          message: failure.error.message, target: failure.error.target))
    }
    return .unexpectedResponse(
      operation: operation, status: status, body: String(decoding: body, as: UTF8.self))
  }

  /// Signs and sends one request; returns the status and the whole body.
  private func exchange(_ operation: String, method: HTTPMethod, path: String, body: [UInt8]?)
    async throws(CommunicationIdentityError) -> (status: Int, body: [UInt8])
  {
    let pathAndQuery = path + "?api-version=" + configuration.apiVersion
    let endpoint = connection.endpoint
    let signature = signer.sign(
      method: method.rawValue, pathAndQuery: pathAndQuery, host: endpoint.hostHeader,
      body: body ?? [], date: Date())

    var request = HTTPClientRequest(url: endpoint.baseURL + pathAndQuery)
    request.method = method
    request.headers.add(name: "Host", value: endpoint.hostHeader)
    request.headers.add(name: "Accept", value: "application/json")
    request.headers.add(name: "User-Agent", value: "docproof-communication-identity/1.0")
    for header in signature.headers {
      request.headers.add(name: header.name, value: header.value)
    }
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: body))
    }

    do {
      let response = try await httpClient.execute(request, timeout: configuration.requestTimeout)
      var buffer = try await response.body.collect(upTo: 1 << 20)
      return (Int(response.status.code), buffer.readBytes(length: buffer.readableBytes) ?? [])
    } catch {
      throw .transport(operation: operation, endpoint: endpoint.baseURL, reason: "\(error)")
    }
  }
}
