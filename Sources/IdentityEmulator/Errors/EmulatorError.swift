/// Why the emulator could not start.
public enum EmulatorError: Error, Sendable, CustomStringConvertible {
  /// The token signing key could not be made or loaded.
  case signingKey(String)
  /// The TLS certificate could not be made, configured or written.
  case certificate(String)
  /// The server stopped before it listened, for instance because the port is taken.
  case notListening(host: String, port: Int, reason: String)

  public var description: String {
    switch self {
    case .signingKey(let reason):
      return "The emulator could not prepare its token signing key: \(reason)."
    case .certificate(let reason):
      return "The emulator could not prepare its TLS certificate: \(reason)."
    case .notListening(let host, let port, let reason):
      return
        "The emulator could not listen on \(host):\(port) (\(reason)); choose another "
        + "--host or --port (0 picks a free port)."
    }
  }
}
