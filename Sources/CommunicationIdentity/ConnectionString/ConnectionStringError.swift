/// Why a connection string could not be used, with a message that says how to fix it.
public enum ConnectionStringError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The connection string is empty or only whitespace.
  case empty
  /// A `;`-separated part has no `=` between its key and its value.
  case partWithoutEquals(position: Int, part: String)
  /// A key appears more than once.
  case duplicateKey(String)
  /// There is no `endpoint=` part.
  case missingEndpoint
  /// There is no `accesskey=` part.
  case missingAccessKey
  /// The endpoint is not an absolute `http` or `https` URL with a host.
  case invalidEndpoint(String, reason: String)
  /// The access key is not Base64.
  case invalidAccessKey

  public var description: String {
    let expected = "expected 'endpoint=https://<resource>.communication.azure.com/;accesskey=<key>'"
    switch self {
    case .empty:
      return "The connection string is empty; \(expected)."
    case .partWithoutEquals(let position, let part):
      return "Part \(position) of the connection string ('\(part)') has no '='; \(expected)."
    case .duplicateKey(let key):
      return "The connection string names '\(key)' more than once; keep one."
    case .missingEndpoint:
      return "The connection string has no 'endpoint=' part; \(expected)."
    case .missingAccessKey:
      return "The connection string has no 'accesskey=' part; \(expected)."
    case .invalidEndpoint(let endpoint, let reason):
      return "The connection string's endpoint '\(endpoint)' is not usable: \(reason)."
    case .invalidAccessKey:
      return
        "The connection string's access key is not valid Base64; copy the key again from the "
        + "resource's Keys page, including any trailing '=' characters."
    }
  }
}
