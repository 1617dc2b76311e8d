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
  static func exchange(
    port: Int, parts: [(delay: Duration, bytes: [UInt8])], halfClose: Bool = false,
    timeout: Duration = .seconds(20)
  ) async throws -> [UInt8] {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelOption(.allowRemoteHalfClosure, value: true)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
            wrappingChannelSynchronously: channel,
            configuration: .init(isOutboundHalfClosureEnabled: true))
        }
      }
    return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
      group.addTask {
        try await channel.executeThenClose { inbound, outbound in
          let writer = Task {
            for part in parts {
              try await Task.sleep(for: part.delay)
              try await outbound.write(ByteBuffer(bytes: part.bytes))
            }
            if halfClose { outbound.finish() }
          }
          defer { writer.cancel() }
          var received: [UInt8] = []
          do {
            for try await chunk in inbound {
              received += chunk.readableBytesView
            }
          } catch {
            // A reset after the response still leaves what was received.
          }
          return received
        }
      }
      group.addTask {
        try await Task.sleep(for: timeout)
        return nil
      }
      let first = try await group.next()!
      group.cancelAll()
      guard let received = first else {
        try? await channel.channel.close()
        throw RawHTTPError.timedOut
      }
      return received
    }
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
