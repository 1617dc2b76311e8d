import CommunicationIdentity
import Foundation

/// The emulator's behavior, independent of HTTP: the state, the clock and the token signer
/// that the route handlers use.
struct EmulatorService: Sendable {
  let store: IdentityStore
  let signer: TokenSigner
  let clock: EmulatorClock
  let resourceID: String
  let authenticator: RequestAuthenticator
  let maxBodySize: Int

  /// The data location written into tokens.
  static let resourceLocation = "unitedstates"
  /// The service's permission bit set for user tokens.
  static let permissionBits = 1792
  /// The default token lifetime, 24 hours.
  static let defaultExpiresInMinutes = 1440

  /// Issues a signed token: to an ACS identity (`8:acs:…`), or to a Teams user
  /// (`identityID` nil, `skypeID` `orgid:<oid>`). `nil` if the identity does not exist.
  func issueToken(
    identityID: String?, skypeID: String, scopes: [String], expiresAtTicks: (Int64) -> Int64
  ) async throws(ServiceFailure) -> Wire.AccessToken? {
    guard let serial = await store.reserveTokenSerial(for: identityID) else { return nil }
    let now = clock.now()
    let expiry = expiresAtTicks(now)
    let issuedAt = Int(now / ServiceTimestamp.ticksPerSecond)
    let claims = AccessTokenClaims(
      skypeid: skypeID, scp: Self.permissionBits, csi: String(issuedAt),
      exp: Int(expiry / ServiceTimestamp.ticksPerSecond), iat: issuedAt,
      acsScope: scopes.joined(separator: ","), resourceId: resourceID,
      resourceLocation: Self.resourceLocation)
    let token: String
    do {
      token = try await signer.sign(claims)
    } catch {
      throw .internalError("The emulator could not sign a token: \(error)")
    }
    await store.register(token: token, identityID: identityID, serial: serial)
    return Wire.AccessToken(token: token, expiresOn: ServiceTimestamp(ticksSince1970: expiry))
  }

  /// Issues a token to an ACS identity for a number of minutes from now.
  func issueToken(identityID: String, scopes: [String], expiresInMinutes: Int)
    async throws(ServiceFailure) -> Wire.AccessToken?
  {
    try await issueToken(
      identityID: identityID, skypeID: String(identityID.dropFirst(2)), scopes: scopes,
      expiresAtTicks: { $0 + Int64(expiresInMinutes) * 60 * ServiceTimestamp.ticksPerSecond })
  }

  /// What the emulator knows of a token.
  func introspect(_ token: String) async -> TokenIntrospection {
    guard let claims = await signer.verifiedClaims(of: token) else {
      return TokenIntrospection(status: .invalid, identity: nil, scopes: nil, expiresAt: nil)
    }
    var status: TokenIntrospection.Status
    switch await store.standing(of: token) {
    case .active: status = .active
    case .revoked: status = .revoked
    case .identityDeleted: status = .identityDeleted
    case .unknown: status = .unknown
    }
    if status == .active, Int64(claims.exp) * ServiceTimestamp.ticksPerSecond <= clock.now() {
      status = .expired
    }
    let scopes = claims.acsScope.split(separator: ",").map(String.init)
    return TokenIntrospection(
      status: status, identity: "8:" + claims.skypeid, scopes: scopes, expiresAt: claims.exp)
  }
}
