import CommunicationIdentity

/// A listening emulator: where it is, how to authenticate to it and how to trust it.
public struct RunningEmulator: Sendable {
  /// The base URL clients use.
  public let endpoint: Endpoint
  /// The connection string for this emulator (it contains the access key).
  public let connectionString: String
  /// With TLS, the path of the PEM file clients trust (the self-signed certificate).
  public let certificateFile: String?
  /// With TLS, the self-signed certificate in PEM.
  public let certificatePEM: String?
  /// The RSA public key, in PEM, that verifies the emulator's tokens.
  public let tokenPublicKeyPEM: String

  let service: EmulatorService

  /// The line `docproof emulator` prints first: the connection string, and with TLS a space
  /// and the certificate file to trust.
  public var readyLine: String {
    certificateFile.map { "\(connectionString) \($0)" } ?? connectionString
  }

  /// Whether a token is still in force: signed here, unexpired, unrevoked, its identity alive.
  public func introspect(_ token: String) async -> TokenIntrospection {
    await service.introspect(token)
  }

  /// How many identities exist now.
  public func identityCount() async -> Int {
    await service.store.identityCount
  }
}
