/// The JSON bodies of api-version 2023-10-01, shared by the client and the emulator.
public enum Wire {
  /// `POST /identities` request.
  public struct CreateIdentityRequest: Codable, Sendable, Equatable {
    public var createTokenWithScopes: [CommunicationTokenScope]?
    public var expiresInMinutes: Int?

    public init(createTokenWithScopes: [CommunicationTokenScope]?, expiresInMinutes: Int?) {
      self.createTokenWithScopes = createTokenWithScopes
      self.expiresInMinutes = expiresInMinutes
    }
  }

  /// `POST /identities/{id}/:issueAccessToken` request.
  public struct IssueAccessTokenRequest: Codable, Sendable, Equatable {
    public var scopes: [CommunicationTokenScope]
    public var expiresInMinutes: Int?

    public init(scopes: [CommunicationTokenScope], expiresInMinutes: Int?) {
      self.scopes = scopes
      self.expiresInMinutes = expiresInMinutes
    }
  }

  /// `POST /teamsUser/:exchangeAccessToken` request.
  public struct TeamsUserExchangeRequest: Codable, Sendable, Equatable {
    public var token: String
    public var appId: String
    public var userId: String

    public init(token: String, appId: String, userId: String) {
      self.token = token
      self.appId = appId
      self.userId = userId
    }
  }

  /// An identity in a response.
  public struct Identity: Codable, Sendable, Equatable {
    public var id: String

    public init(id: String) {
      self.id = id
    }
  }

  /// An access token in a response.
  public struct AccessToken: Codable, Sendable, Equatable {
    public var token: String
    public var expiresOn: ServiceTimestamp

    public init(token: String, expiresOn: ServiceTimestamp) {
      self.token = token
      self.expiresOn = expiresOn
    }
  }

  /// `POST /identities` response.
  public struct IdentityAccessTokenResult: Codable, Sendable, Equatable {
    public var identity: Identity
    public var accessToken: AccessToken?

    public init(identity: Identity, accessToken: AccessToken?) {
      self.identity = identity
      self.accessToken = accessToken
    }
  }

  /// The body of every error response: `{"error": {"code", "message", "target"?}}`.
  public struct ErrorResponse: Codable, Sendable, Equatable {
    public var error: ErrorDetail

    public init(error: ErrorDetail) {
      self.error = error
    }
  }

  /// The error itself.
  public struct ErrorDetail: Codable, Sendable, Equatable {
    public var code: String
    public var message: String
    public var target: String?
    public var details: [ErrorDetail]?

    public init(code: String, message: String, target: String? = nil, details: [ErrorDetail]? = nil)
    {
      self.code = code
      self.message = message
      self.target = target
      self.details = details
    }
  }
}
