import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A self-signed TLS certificate for `localhost` and `127.0.0.1`, made at start.
///
/// The certificate is its own CA, so a client trusts the emulator by trusting this one
/// certificate (`REQUESTS_CA_BUNDLE=<file>` for Python, a custom trust root for Swift).
struct SelfSignedCertificate: Sendable {
  /// The certificate, PEM-encoded: what clients trust.
  let certificatePEM: String
  /// The private key, PEM-encoded: what the server uses.
  let privateKeyPEM: String

  /// Makes a new P-256 key and a certificate valid from an hour ago for 30 days.
  init(now: Date = Date()) throws {
    let key = P256.Signing.PrivateKey()
    let certificateKey = Certificate.PrivateKey(key)
    let name = try DistinguishedName {
      OrganizationName("docproof")
      CommonName("docproof Identity emulator")
    }
    let keyIdentifier = SubjectKeyIdentifier(hash: certificateKey.publicKey)
    let extensions = try Certificate.Extensions {
      Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
      Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
      try ExtendedKeyUsage([.serverAuth])
      SubjectAlternativeNames([
        .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
      ])
      keyIdentifier
      AuthorityKeyIdentifier(keyIdentifier: keyIdentifier.keyIdentifier)
    }
    let certificate = try Certificate(
      version: .v3, serialNumber: Certificate.SerialNumber(),
      publicKey: certificateKey.publicKey,
      notValidBefore: now.addingTimeInterval(-3600),
      notValidAfter: now.addingTimeInterval(30 * 24 * 3600),
      issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
      extensions: extensions, issuerPrivateKey: certificateKey)
    self.certificatePEM = try certificate.serializeAsPEM().pemString
    self.privateKeyPEM = try certificateKey.serializeAsPEM().pemString
  }

  /// A server TLS configuration that presents this certificate.
  func serverConfiguration() throws -> TLSConfiguration {
    let certificate = try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)
    let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
    return TLSConfiguration.makeServerConfiguration(
      certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
  }
}
