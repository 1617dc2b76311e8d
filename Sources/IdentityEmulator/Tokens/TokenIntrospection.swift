/// What the emulator knows of a token: the answer of its own introspection, which the
/// real service does not offer.
public struct TokenIntrospection: Sendable, Codable, Equatable {
  /// Where a token stands.
  public enum Status: String, Sendable, Codable {
    /// Signed here, not expired, not revoked, its identity exists.
    case active
    /// Its identity's tokens were revoked after it was issued.
    case revoked
    /// Its identity was deleted.
    case identityDeleted
    /// Past its `exp` by the emulator's clock.
    case expired
    /// Not a JWT, or its signature does not verify with the emulator's key.
    case invalid
    /// Validly signed, but not issued by this run of the emulator.
    case unknown
  }

  public var status: Status
  /// Whether the token would be accepted.
  public var active: Bool { status == .active }
  /// The identity the token was issued to (`8:acs:…` or `8:orgid:…`), when readable.
  public var identity: String?
  /// The token's scopes, when readable.
  public var scopes: [String]?
  /// The token's expiry, in seconds since 1970, when readable.
  public var expiresAt: Int?

  public init(status: Status, identity: String?, scopes: [String]?, expiresAt: Int?) {
    self.status = status
    self.identity = identity
    self.scopes = scopes
    self.expiresAt = expiresAt
  }

  private enum CodingKeys: String, CodingKey {
    case status
    case active
    case identity
    case scopes
    case expiresAt
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.status = try container.decode(Status.self, forKey: .status)
    self.identity = try container.decodeIfPresent(String.self, forKey: .identity)
    self.scopes = try container.decodeIfPresent([String].self, forKey: .scopes)
    self.expiresAt = try container.decodeIfPresent(Int.self, forKey: .expiresAt)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(active, forKey: .active)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(identity, forKey: .identity)
    try container.encodeIfPresent(scopes, forKey: .scopes)
    try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
  }
}
