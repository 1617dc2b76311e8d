import Foundation

/// The decoded header and claims of a compact JWT, read without verifying it.
struct JWTParts {
  let header: [String: Any]
  let claims: [String: Any]

  init(_ token: String) throws {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else { throw JWTPartsError.notAJWT(token) }
    func decode(_ part: Substring) throws -> [String: Any] {
      var base64 = part.replacingOccurrences(of: "-", with: "+")
        .replacingOccurrences(of: "_", with: "/")
      base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
      guard let data = Data(base64Encoded: base64),
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { throw JWTPartsError.notAJWT(token) }
      return object
    }
    self.header = try decode(parts[0])
    self.claims = try decode(parts[1])
  }

  /// A compact JWT with the given claims and a meaningless signature, shaped like a
  /// Microsoft Entra ID token for the Teams exchange.
  static func unsignedToken(claims: [String: Any]) throws -> String {
    func encode(_ object: [String: Any]) throws -> String {
      try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        .base64EncodedString()
        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
    }
    return try encode(["alg": "RS256", "typ": "JWT"]) + "." + encode(claims) + ".c2lnbmF0dXJl"
  }
}

enum JWTPartsError: Error {
  case notAJWT(String)
}
