import Foundation
import NIOCore
import NIOPosix

/// A response read off a socket: status, headers (lowercased names) and body.
struct RawResponse: Sendable {
  let status: Int
  let headers: [(name: String, value: String)]
  let body: [UInt8]

  func header(_ name: String) -> String? {
    headers.first { $0.name == name.lowercased() }?.value
  }

  var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// The body as a JSON object.
  func json() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(body))
    guard let dictionary = object as? [String: Any] else {
      throw RawHTTPError.notAnObject(bodyText)
    }
    return dictionary
  }

  /// The service's error body: code, message and target.
  func serviceError() throws -> (code: String, message: String, target: String?) {
    guard let error = try json()["error"] as? [String: Any],
      let code = error["code"] as? String, let message = error["message"] as? String
    else { throw RawHTTPError.notAnError(bodyText) }
    return (code, message, error["target"] as? String)
  }
}

enum RawHTTPError: Error, CustomStringConvertible {
  case timedOut
  case malformedResponse(String)
  case notAnObject(String)
  case notAnError(String)

  var description: String {
    switch self {
    case .timedOut: "no complete response within the time limit"
    case .malformedResponse(let text): "malformed response: \(text)"
    case .notAnObject(let text): "body is not a JSON object: \(text)"
    case .notAnError(let text): "body is not a service error: \(text)"
    }
  }
}

/// Sends exact bytes to a server over a real socket and reads what comes back, so tests can
/// send what no well-behaved client would.
enum RawHTTP {
  /// Writes `request`, optionally half-closes, and reads until the server closes the
  /// connection. Returns every byte received (possibly none).
  static func exchange(
    port: Int, _ request: [UInt8], halfClose: Bool = false, timeout: Duration = .seconds(20)
  ) async throws -> [UInt8] {
    try await exchange(
      port: port, parts: [(.zero, request)], halfClose: halfClose, timeout: timeout)
  }

  /// Writes each part after its delay (a slow client), optionally half-closes, and reads
  /// until the server closes the connection. A write the closed connection refuses ends the
  /// writing; what was received is returned.
  ///
  /// The delays, writes, reads and the time limit all run on the connection's event loop,
  /// not in Swift tasks: under a full parallel test run the cooperative pool can be busy
  /// for many seconds, and a client that woke late would make the server's read timeout
  /// look broken.
  static func exchange(
    port: Int, parts: [(delay: Duration, bytes: [UInt8])], halfClose: Bool = false,
    timeout: Duration = .seconds(20)
  ) async throws -> [UInt8] {
    try await timedExchange(port: port, parts: parts, halfClose: halfClose, timeout: timeout)
      .received
  }

  /// `exchange`, also returning how long the connection stayed open, measured on its event
  /// loop from connecting to closing.
  static func timedExchange(
    port: Int, parts: [(delay: Duration, bytes: [UInt8])], halfClose: Bool = false,
    timeout: Duration = .seconds(20)
  ) async throws -> (received: [UInt8], held: Duration) {
    let collector = ResponseCollector()
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelOption(.allowRemoteHalfClosure, value: true)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(collector)
        }
      }
      .connect(host: "127.0.0.1", port: port).get()
    let loop = channel.eventLoop
    let received = try await loop.flatSubmit { () -> EventLoopFuture<[UInt8]> in
      let limit = loop.scheduleTask(in: TimeAmount(timeout)) {
        collector.timedOut = true
        channel.close(promise: nil)
      }
      var sent = loop.makeSucceededVoidFuture()
      for part in parts {
        sent = sent.flatMap {
          loop.flatScheduleTask(in: TimeAmount(part.delay)) {
            channel.writeAndFlush(ByteBuffer(bytes: part.bytes))
          }.futureResult
        }
      }
      if halfClose {
        sent = sent.flatMap { channel.close(mode: .output) }
      }
      return collector.closed.futureResult.always { _ in limit.cancel() }
    }.get()
    if collector.timedOut { throw RawHTTPError.timedOut }
    return (received, collector.held)
  }

  /// Sends a request and parses the single response (the server must close afterwards, so
  /// requests carry `Connection: close`).
  static func send(port: Int, _ request: [UInt8], halfClose: Bool = false) async throws
    -> RawResponse
  {
    let bytes = try await exchange(port: port, request, halfClose: halfClose)
    return try parse(bytes)
  }

  /// Parses one HTTP/1.1 response with a Content-Length (or no body).
  static func parse(_ bytes: [UInt8]) throws -> RawResponse {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let headerEnd = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
      throw RawHTTPError.malformedResponse(text)
    }
    let head = String(decoding: bytes[..<headerEnd.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst().split(separator: " ")
    guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
      throw RawHTTPError.malformedResponse(text)
    }
    let headers = lines.compactMap { line -> (String, String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (
        line[..<colon].lowercased(),
        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      )
    }
    var body = Array(bytes[headerEnd.upperBound...])
    if let length = headers.first(where: { $0.0 == "content-length" }).flatMap({ Int($0.1) }) {
      guard body.count >= length else { throw RawHTTPError.malformedResponse(text) }
      body = Array(body.prefix(length))
    }
    return RawResponse(status: status, headers: headers, body: body)
  }
}

/// Gathers every byte a connection receives and completes `closed` with them when the
/// connection ends. Touched only on its channel's event loop.
private final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = ByteBuffer

  private var received: [UInt8] = []
  private var promise: EventLoopPromise<[UInt8]>?
  private var opened = ContinuousClock.now
  var timedOut = false
  /// From the connection's opening to its end.
  private(set) var held = Duration.zero

  var closed: EventLoopPromise<[UInt8]> { promise! }

  func handlerAdded(context: ChannelHandlerContext) {
    promise = context.eventLoop.makePromise()
  }

  func channelActive(context: ChannelHandlerContext) {
    opened = .now
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    received += unwrapInboundIn(data).readableBytesView
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    // The server half-closed: what it sent is complete.
    if case ChannelEvent.inputClosed? = event as? ChannelEvent {
      context.close(promise: nil)
    }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A reset after the response still leaves what was received.
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    held = opened.duration(to: .now)
    promise?.succeed(received)
    context.fireChannelInactive()
  }
}
