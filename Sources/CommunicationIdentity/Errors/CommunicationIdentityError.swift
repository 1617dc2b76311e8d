/// Why an Identity operation failed.
public enum CommunicationIdentityError: Error, Sendable, CustomStringConvertible {
  /// The service answered with an error: its status, code and message.
  case service(ServiceError)
  /// The service could not be reached, or the connection failed.
  case transport(operation: String, endpoint: String, reason: String)
  /// The service answered in a way this client does not understand.
  case unexpectedResponse(operation: String, status: Int, body: String)

  public var description: String {
    switch self {
    case .service(let error):
      return error.description
    case .transport(let operation, let endpoint, let reason):
      return
        "\(operation) failed: could not reach \(endpoint) (\(reason)). Check the endpoint in "
        + "the connection string and the network."
    case .unexpectedResponse(let operation, let status, let body):
      let excerpt = body.count > 200 ? String(body.prefix(200)) + "…" : body
      return "\(operation) failed: unexpected HTTP \(status) response: \(excerpt)"
    }
  }
}

/// An error the service reported, with its HTTP status, code, message and target.
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The operation that failed, such as `Issue access token`.
  public let operation: String
  /// The HTTP status code.
  public let status: Int
  /// The service's error code, such as `ValidationError`.
  public let code: String
  /// The service's message.
  public let message: String
  /// The field the error is about, if the service named one.
  public let target: String?

  public init(operation: String, status: Int, code: String, message: String, target: String?) {
    self.operation = operation
    self.status = status
    self.code = code
    self.message = message
    self.target = target
  }

  public var description: String {
    let targetText = target.map { " (target: \($0))" } ?? ""
    return "\(operation) failed with HTTP \(status) \(code): \(message)\(targetText)"
  }
}
