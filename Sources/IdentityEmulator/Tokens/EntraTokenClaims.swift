import Foundation

/// The claims of a Teams user's Microsoft Entra ID (Azure AD) token that the exchange
/// checks. The emulator cannot verify Microsoft's signature, so it reads the claims only.
struct EntraTokenClaims: Sendable, Equatable {
  /// The application the token was issued to (`appid`, or `azp` in v2.0 tokens).
  var appID: String
  /// The user's object id (`oid`).
  var objectID: String
  /// Expiry, in seconds since 1970.
  var expiresAt: Int

  /// Reads a compact JWT's claims; `nil` if it is not a JWT with `appid`, `oid` and `exp`.
  init?(token: String) {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
      let payload = Self.base64URLDecode(parts[1]),
      let claims = try? JSONValue(parsing: Array(payload)),
      case .string(let appID)? = claims.member("appid") ?? claims.member("azp"),
      case .string(let objectID)? = claims.member("oid"),
      case .number(let expiresAt)? = claims.member("exp"),
      expiresAt.isFinite, abs(expiresAt) < 1e15
    else { return nil }
    self.appID = appID
    self.objectID = objectID
    self.expiresAt = Int(expiresAt)
  }

  private static func base64URLDecode(_ text: Substring) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64)
  }
}
