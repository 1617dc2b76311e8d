import Logging

/// How an emulator listens and behaves.
public struct EmulatorConfiguration: Sendable {
  /// The address to bind, `127.0.0.1` by default.
  public var host: String
  /// The port to bind; 0 picks a free one.
  public var port: Int
  /// Serve HTTPS with a self-signed certificate generated at start.
  public var tls: Bool
  /// Fixed clock, sequential ids, fixed signing key and access key: two runs that send the
  /// same requests get the same bytes back.
  public var deterministic: Bool
  /// The largest request body accepted; larger ones get 413.
  public var maxBodySize: Int
  /// The resource's access key; `nil` picks a random one (or the fixed one when
  /// deterministic).
  public var accessKey: [UInt8]?
  /// How far `x-ms-date` may be from the real time, 15 minutes by default.
  public var allowedClockSkew: Duration
  /// How long a request may take to arrive, from its first byte to its last (10 seconds by
  /// default); a slower one gets 408 and its connection closes.
  public var requestReadTimeout: Duration
  /// What the emulator logs, on standard error.
  public var logLevel: Logger.Level
  /// The most connections held at once; one more gets 503 and is closed.
  public var maxConnections: Int

  /// The connection limit unless one is given: far above what a quickstart's clients open,
  /// far below the usual 1,024 file handles a process may hold.
  public static let defaultMaxConnections = 512

  public init(
    host: String = "127.0.0.1",
    port: Int = 0,
    tls: Bool = false,
    deterministic: Bool = false,
    maxBodySize: Int = 64 * 1024,
    accessKey: [UInt8]? = nil,
    allowedClockSkew: Duration = .seconds(15 * 60),
    requestReadTimeout: Duration = .seconds(10),
    logLevel: Logger.Level = .warning,
    maxConnections: Int = defaultMaxConnections
  ) {
    self.host = host
    self.port = port
    self.tls = tls
    self.deterministic = deterministic
    self.maxBodySize = maxBodySize
    self.accessKey = accessKey
    self.allowedClockSkew = allowedClockSkew
    self.requestReadTimeout = requestReadTimeout
    self.logLevel = logLevel
    self.maxConnections = maxConnections
  }
}
