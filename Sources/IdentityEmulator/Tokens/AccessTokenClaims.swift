import JWTKit

/// The claims of a Communication Services access token, as the real service writes them.
public struct AccessTokenClaims: JWTPayload, Equatable {
  /// The identity without its `8:` prefix (`acs:<resource>_<suffix>`, or `orgid:<oid>`).
  public var skypeid: String
  /// The service's permission bit set.
  public var scp: Int
  /// The issue time, in seconds since 1970, as a string.
  public var csi: String
  /// Expiry, in seconds since 1970.
  public var exp: Int
  /// The issue time, in seconds since 1970.
  public var iat: Int
  /// The scopes, comma-separated (`chat,voip`).
  public var acsScope: String
  /// The resource's immutable id.
  public var resourceId: String
  /// The resource's data location.
  public var resourceLocation: String

  /// Expiry is judged by the emulator's clock, not here.
  public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
