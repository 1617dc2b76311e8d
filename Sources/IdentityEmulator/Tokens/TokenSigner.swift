import Crypto
import CryptoExtras
import Foundation
import JWTKit

/// Signs and verifies the emulator's access tokens: RS256 JWTs.
///
/// The JSON of header and claims is written with sorted keys, and PKCS #1 v1.5 signatures
/// are deterministic, so the same claims and key always give the same token.
struct TokenSigner: Sendable {
  private let keys: JWTKeyCollection
  /// The `kid` header: the first 16 bytes of the SHA-256 of the public key, in hex.
  let keyID: String
  /// The public key, in PEM, for anyone who wants to verify tokens themselves.
  let publicKeyPEM: String

  /// A signer with a given private key, in PEM.
  init(privateKeyPEM: String) async throws {
    try await self.init(key: JWTKit.Insecure.RSA.PrivateKey(pem: privateKeyPEM))
  }

  /// A signer with a new random 2048-bit key.
  static func random() async throws -> TokenSigner {
    let backing = try _RSA.Signing.PrivateKey(keySize: .bits2048)
    return try await TokenSigner(key: JWTKit.Insecure.RSA.PrivateKey(backing: backing))
  }

  private init(key: JWTKit.Insecure.RSA.PrivateKey) async throws {
    let digest = SHA256.hash(data: key.publicKey.derRepresentation)
    let keyID = digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let keys = JWTKeyCollection()
    await keys.add(
      rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: keyID),
      serializer: DefaultJWTSerializer(jsonEncoder: encoder))
    self.keys = keys
    self.keyID = keyID
    self.publicKeyPEM = key.publicKey.pemRepresentation
  }

  /// Signs claims into a compact JWT.
  func sign(_ claims: AccessTokenClaims) async throws -> String {
    try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
  }

  /// The claims of a token this signer signed; `nil` if the token is malformed or its
  /// signature does not verify.
  func verifiedClaims(of token: String) async -> AccessTokenClaims? {
    try? await keys.verify(token, as: AccessTokenClaims.self)
  }

}
