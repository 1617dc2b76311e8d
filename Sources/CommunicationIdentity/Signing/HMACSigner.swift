import Crypto
import Foundation

/// Signs and verifies requests with HMAC-SHA256, as Communication Services does.
///
/// The string to sign is `VERB\npath-and-query\nx-ms-date;host;x-ms-content-sha256`, with the
/// path and query exactly as sent (still percent-encoded) and the host as in the `Host`
/// header. The signature is Base64 of HMAC-SHA256 over that string, keyed with the decoded
/// access key.
public struct HMACSigner: Sendable {
  /// The headers a client signs, in order.
  public static let signedHeaders = ["x-ms-date", "host", "x-ms-content-sha256"]

  private let key: SymmetricKey

  /// A signer keyed with a decoded access key.
  public init(accessKey: [UInt8]) {
    self.key = SymmetricKey(data: accessKey)
  }

  /// Base64 of the SHA-256 of the raw body bytes (`47DEQpj8...` for an empty body).
  public static func contentHash(of body: some DataProtocol) -> String {
    Data(SHA256.hash(data: body)).base64EncodedString()
  }

  /// The string to sign for a request.
  public static func stringToSign(
    method: String, pathAndQuery: String, date: String, host: String, contentHash: String
  ) -> String {
    "\(method)\n\(pathAndQuery)\n\(date);\(host);\(contentHash)"
  }

  /// Base64 of HMAC-SHA256 over the UTF-8 string to sign.
  public func signature(for stringToSign: String) -> String {
    let code = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)
    return Data(code).base64EncodedString()
  }

  /// Whether a Base64 signature is the right one for a string to sign, compared in constant
  /// time.
  public func isValidSignature(_ signature: String, for stringToSign: String) -> Bool {
    guard let bytes = Data(base64Encoded: signature) else { return false }
    return HMAC<SHA256>.isValidAuthenticationCode(
      bytes, authenticating: Data(stringToSign.utf8), using: key)
  }

  /// The three headers that authenticate a request.
  public func sign(
    method: String, pathAndQuery: String, host: String, body: some DataProtocol, date: Date
  ) -> RequestSignature {
    let dateText = HTTPDate.string(from: date)
    let contentHash = Self.contentHash(of: body)
    let stringToSign = Self.stringToSign(
      method: method, pathAndQuery: pathAndQuery, date: dateText, host: host,
      contentHash: contentHash)
    let authorization = AuthorizationHeader(
      signedHeaders: Self.signedHeaders, signature: signature(for: stringToSign))
    return RequestSignature(
      date: dateText, contentHash: contentHash, authorization: authorization.stringValue)
  }
}

/// The values of the headers that authenticate one request.
public struct RequestSignature: Sendable, Hashable {
  /// `x-ms-date`.
  public let date: String
  /// `x-ms-content-sha256`.
  public let contentHash: String
  /// `Authorization`.
  public let authorization: String

  /// The headers as name-value pairs, in the order clients send them.
  public var headers: [(name: String, value: String)] {
    [("x-ms-date", date), ("x-ms-content-sha256", contentHash), ("Authorization", authorization)]
  }
}
