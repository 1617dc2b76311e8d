import Foundation

/// A parsed Communication Services connection string:
/// `endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>`.
///
/// Parts are separated by `;` and each is split at its first `=`, so the `=` padding of a
/// Base64 key stays in the key. Keys are case-insensitive; unknown keys are ignored.
public struct ConnectionString: Sendable, Hashable {
  /// Where requests go.
  public let endpoint: Endpoint
  /// The decoded access key that signs requests.
  public let accessKey: [UInt8]

  /// Parses a connection string.
  public init(_ text: String) throws(ConnectionStringError) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw .empty }

    var values: [String: String] = [:]
    let parts = trimmed.split(separator: ";", omittingEmptySubsequences: false)
    for (offset, part) in parts.enumerated() {
      let part = part.trimmingCharacters(in: .whitespaces)
      if part.isEmpty { continue }
      guard let equals = part.firstIndex(of: "=") else {
        throw .partWithoutEquals(position: offset + 1, part: part)
      }
      let key = part[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      let value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      guard values[key] == nil else { throw .duplicateKey(key) }
      values[key] = value
    }

    guard let endpointText = values["endpoint"], !endpointText.isEmpty else {
      throw .missingEndpoint
    }
    guard let keyText = values["accesskey"], !keyText.isEmpty else { throw .missingAccessKey }
    guard let key = Data(base64Encoded: keyText), !key.isEmpty else { throw .invalidAccessKey }

    self.endpoint = try Endpoint(endpointText)
    self.accessKey = Array(key)
  }
}

/// The scheme, host and port of a Communication Services resource.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
  /// Transport security.
  public enum Scheme: String, Sendable, Hashable {
    case http
    case https

    /// The port a URL of this scheme uses when it names none.
    public var defaultPort: Int { self == .https ? 443 : 80 }
  }

  public let scheme: Scheme
  /// The host name or IP address, without brackets.
  public let host: String
  /// The port named in the endpoint, if any.
  public let port: Int?

  /// Parses an absolute `http` or `https` URL with a host and no path beyond `/`.
  public init(_ text: String) throws(ConnectionStringError) {
    guard let components = URLComponents(string: text) else {
      throw .invalidEndpoint(text, reason: "it is not a URL")
    }
    guard let schemeText = components.scheme?.lowercased(),
      let scheme = Scheme(rawValue: schemeText)
    else {
      throw .invalidEndpoint(
        text, reason: "it must start with https:// (or http:// for a local emulator)")
    }
    guard var host = components.host else {
      throw .invalidEndpoint(text, reason: "it names no host")
    }
    let bracketed = host.hasPrefix("[") && host.hasSuffix("]")
    if bracketed { host = String(host.dropFirst().dropLast()) }
    // After the brackets: `https://[]:443/` names no host either (found by the fuzzer).
    guard !host.isEmpty else {
      throw .invalidEndpoint(text, reason: "it names no host")
    }
    // URLComponents accepts any text in brackets (`https://[=%ht]/`, found by the fuzzer).
    guard !bracketed || Self.isIPv6Address(host) else {
      throw .invalidEndpoint(text, reason: "'[\(host)]' is not an IPv6 address")
    }
    // A resource's host is a DNS name or an IPv4 address; URLComponents decodes `%00` and
    // other escapes into it (`https://a%00b/`, found by the fuzzer).
    guard bracketed || host.utf8.allSatisfy(Self.isHostByte) else {
      throw .invalidEndpoint(
        text, reason: "its host '\(host)' is not a DNS name or an IP address")
    }
    guard components.path.isEmpty || components.path == "/" else {
      throw .invalidEndpoint(text, reason: "it must not have a path; use the resource's base URL")
    }
    guard components.query == nil, components.fragment == nil, components.user == nil else {
      throw .invalidEndpoint(text, reason: "it must not have a query, fragment or user")
    }
    // Read the port as written: URLComponents drops one too large for an Int.
    var port: Int?
    // `rangeOfPort` is a range of `components.string`, which may differ from `text` (a
    // slice of `text` by it crashed on `https://[%::1]:443/`, found by the fuzzer).
    if let whole = components.string, let range = components.rangeOfPort, !range.isEmpty {
      let written = String(whole[range])
      guard let number = Int(written), (1...65_535).contains(number) else {
        throw .invalidEndpoint(text, reason: "its port \(written) is not between 1 and 65535")
      }
      port = number
    }
    self.scheme = scheme
    self.host = host
    self.port = port
  }

  /// Letters, digits, `-`, `.` and `_`: the bytes of DNS names and IPv4 addresses.
  static func isHostByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"):
      true
    default: false
    }
  }

  /// Whether `text` is an IPv6 address as the C library reads one (`::1`, `fe80::1`).
  static func isIPv6Address(_ text: String) -> Bool {
    var address = in6_addr()
    return text.withCString { inet_pton(AF_INET6, $0, &address) } == 1
  }

  /// The endpoint from its parts.
  public init(scheme: Scheme, host: String, port: Int?) {
    self.scheme = scheme
    self.host = host
    self.port = port
  }

  /// The `Host` header value a client sends: the host, and the port when it is not the
  /// scheme's default.
  public var hostHeader: String {
    let bracketed = host.contains(":") ? "[\(host)]" : host
    if let port, port != scheme.defaultPort { return "\(bracketed):\(port)" }
    return bracketed
  }

  /// `scheme://host[:port]`, with no trailing slash.
  public var baseURL: String { "\(scheme.rawValue)://\(hostHeader)" }

  public var description: String { baseURL + "/" }
}

extension ConnectionString {
  /// A connection string from its parts.
  public init(endpoint: Endpoint, accessKey: [UInt8]) {
    self.endpoint = endpoint
    self.accessKey = accessKey
  }

  /// The connection string as text, `endpoint=<base URL>/;accesskey=<base64 key>`.
  ///
  /// This contains the secret key: show it only where the key may be seen.
  public var stringValue: String {
    "endpoint=\(endpoint.baseURL)/;accesskey=\(Data(accessKey).base64EncodedString())"
  }
}
