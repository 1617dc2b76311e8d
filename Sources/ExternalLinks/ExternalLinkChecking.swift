/// The outcome of checking one URL.
public struct ExternalLinkStatus: Sendable, Hashable, Codable {
  public var url: String
  public var ok: Bool
  /// The final HTTP status, when a response came.
  public var status: Int?
  /// What went wrong without a response (timeout, refused connection, TLS).
  public var error: String?
  /// Seconds since 1970 when it was checked.
  public var checkedAt: Double

  public init(url: String, ok: Bool, status: Int?, error: String?, checkedAt: Double) {
    self.url = url
    self.ok = ok
    self.status = status
    self.error = error
    self.checkedAt = checkedAt
  }

  /// Why the link is broken, in a few words.
  public var reason: String {
    if let status { return "HTTP \(status)" }
    return error ?? "no response"
  }
}

/// Checks URLs over the network (injectable, so tests can count requests).
public protocol ExternalLinkChecking: Sendable {
  func check(_ urls: [String]) async -> [String: ExternalLinkStatus]
}
