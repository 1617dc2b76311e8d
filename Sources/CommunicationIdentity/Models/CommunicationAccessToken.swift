/// An access token and when it expires.
public struct CommunicationAccessToken: Sendable, Hashable, Codable {
  /// The token (a JWT).
  public let token: String
  /// When the token expires, as the service wrote it.
  public let expiresOn: ServiceTimestamp

  public init(token: String, expiresOn: ServiceTimestamp) {
    self.token = token
    self.expiresOn = expiresOn
  }
}

/// A new user and an access token for it, made in one request.
public struct CommunicationUserAndToken: Sendable, Hashable {
  public let user: CommunicationUserIdentifier
  public let accessToken: CommunicationAccessToken

  public init(user: CommunicationUserIdentifier, accessToken: CommunicationAccessToken) {
    self.user = user
    self.accessToken = accessToken
  }
}
