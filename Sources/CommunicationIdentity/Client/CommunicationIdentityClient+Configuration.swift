import AsyncHTTPClient
import NIOCore
import NIOSSL

extension CommunicationIdentityClient {
  /// How a client with its own HTTP client connects.
  public struct Configuration: Sendable {
    /// The api-version query parameter sent with every request.
    public var apiVersion: String
    /// A PEM file of CA certificates to trust in addition to the system's, for an emulator
    /// with a self-signed certificate.
    public var trustedCertificatesFile: String?
    /// How long one request may take.
    public var requestTimeout: TimeAmount

    public init(
      apiVersion: String = CommunicationIdentityClient.apiVersion,
      trustedCertificatesFile: String? = nil,
      requestTimeout: TimeAmount = .seconds(30)
    ) {
      self.apiVersion = apiVersion
      self.trustedCertificatesFile = trustedCertificatesFile
      self.requestTimeout = requestTimeout
    }

    func httpClientConfiguration() throws(ClientSetupError) -> HTTPClient.Configuration {
      var tls = TLSConfiguration.makeClientConfiguration()
      if let path = trustedCertificatesFile {
        do {
          let certificates = try NIOSSLCertificate.fromPEMFile(path)
          guard !certificates.isEmpty else {
            throw ClientSetupError.trustedCertificates(
              path: path, reason: "it holds no certificate")
          }
          tls.additionalTrustRoots = [.certificates(certificates)]
        } catch let error as ClientSetupError {
          throw error
        } catch {
          throw .trustedCertificates(path: path, reason: "\(error)")
        }
      }
      var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
      configuration.decompression = .disabled
      return configuration
    }
  }
}

/// Why a client with its own HTTP client could not be made.
public enum ClientSetupError: Error, Sendable, CustomStringConvertible {
  /// The connection string is not usable.
  case connectionString(ConnectionStringError)
  /// The trusted certificates file could not be read as PEM certificates.
  case trustedCertificates(path: String, reason: String)

  public var description: String {
    switch self {
    case .connectionString(let error):
      return error.description
    case .trustedCertificates(let path, let reason):
      return
        "Cannot trust the certificates in '\(path)': \(reason). Pass a PEM file of CA certificates."
    }
  }
}
