/// The `Authorization` header of an HMAC-signed request:
/// `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>`.
public struct AuthorizationHeader: Sendable, Hashable {
  /// The lowercased names of the signed headers, in signing order.
  public let signedHeaders: [String]
  /// The Base64 signature.
  public let signature: String

  public init(signedHeaders: [String], signature: String) {
    self.signedHeaders = signedHeaders
    self.signature = signature
  }

  /// The header's value.
  public var stringValue: String {
    "HMAC-SHA256 SignedHeaders=\(signedHeaders.joined(separator: ";"))&Signature=\(signature)"
  }

  /// Parses a header value; `nil` if it is not the HMAC-SHA256 scheme with both parameters.
  public init?(parsing value: String) {
    let scheme = "HMAC-SHA256 "
    guard value.count > scheme.count,
      value.prefix(scheme.count).uppercased() == scheme
    else { return nil }
    var signedHeaders: [String]?
    var signature: String?
    for parameter in value.dropFirst(scheme.count).split(separator: "&") {
      guard let equals = parameter.firstIndex(of: "=") else { return nil }
      let name = parameter[..<equals].lowercased()
      let parameterValue = String(parameter[parameter.index(after: equals)...])
      switch name {
      case "signedheaders":
        guard signedHeaders == nil else { return nil }
        let names = parameterValue.split(separator: ";", omittingEmptySubsequences: false)
          .map { $0.lowercased() }
        guard !names.contains(where: \.isEmpty) else { return nil }
        signedHeaders = names
      case "signature":
        guard signature == nil, !parameterValue.isEmpty else { return nil }
        signature = parameterValue
      default:
        return nil
      }
    }
    guard let signedHeaders, let signature else { return nil }
    self.signedHeaders = signedHeaders
    self.signature = signature
  }
}
