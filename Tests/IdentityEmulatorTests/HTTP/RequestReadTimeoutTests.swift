import Foundation
import IdentityEmulator
import Testing

/// A request must arrive within the read timeout of its first byte, however slowly it drips.
@Suite("Request read timeout")
struct RequestReadTimeoutTests {
  static let configuration = EmulatorConfiguration(
    deterministic: true, requestReadTimeout: .seconds(1))

  /// One part per byte, `interval` apart.
  static func drip(_ text: String, every interval: Duration) -> [(Duration, [UInt8])] {
    text.utf8.map { (interval, [$0]) }
  }

  @Test("a head that drips in slower than the timeout gets 408 and a closed connection")
  func slowHeadTimesOut() async throws {
    try await withEmulator(Self.configuration) { emulator in
      let port = try #require(emulator.endpoint.port)
      // 60 bytes, 100 ms apart: the head would be complete after 6 s, and each byte resets
      // the idle timeout; the read timeout stops it after 1 s.
      let head = "POST /identities?api-version=2023-10-01 HTTP/1.1\r\nHost: x\r\n\r\n"
      let received = try await RawHTTP.exchange(
        port: port, parts: Self.drip(head, every: .milliseconds(100)))
      let response = try RawHTTP.parse(received)
      #expect(response.status == 408)
      #expect(try response.serviceError().code == "RequestTimeout")
      #expect(response.header("connection") == "close")
    }
  }

  @Test("a body that drips in slower than the timeout gets 408 and a closed connection")
  func slowBodyTimesOut() async throws {
    try await withEmulator(Self.configuration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let head =
        "POST /identities?api-version=2023-10-01 HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\n"
      let body = String(repeating: " ", count: 40)
      let received = try await RawHTTP.exchange(
        port: port,
        parts: [(.zero, Array(head.utf8))] + Self.drip(body, every: .milliseconds(100)))
      // Without the timeout the body completes after 4 s and the unsigned request gets 401.
      let response = try RawHTTP.parse(received)
      #expect(response.status == 408)
      #expect(try response.serviceError().code == "RequestTimeout")
    }
  }

  @Test("a connection that sends nothing is closed after the read timeout, not held")
  func silentConnectionCloses() async throws {
    try await withEmulator(Self.configuration) { emulator in
      let port = try #require(emulator.endpoint.port)
      // Nothing is written; the exchange reads until the server closes (or fails after 10 s).
      let received = try await RawHTTP.exchange(port: port, parts: [], timeout: .seconds(10))
      let response = try RawHTTP.parse(received)
      #expect(response.status == 408)
    }
  }

  /// Over TLS the emulator cannot answer a client that never began its handshake (no 408
  /// can be written): the connection still closes after the read timeout, not after the
  /// 60 s idle timeout. (That one past the limit closes at once is the soak's idle flood:
  /// which of two connections opened close together is admitted first is up to the
  /// event loops.)
  @Test("over TLS, a connection that never handshakes is closed after the read timeout")
  func silentTLSConnectionsClose() async throws {
    var configuration = Self.configuration
    configuration.tls = true
    configuration.requestReadTimeout = .seconds(3)
    try await withEmulator(configuration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let (received, held) = try await RawHTTP.timedExchange(
        port: port, parts: [], timeout: .seconds(50))
      #expect(received.isEmpty)
      #expect(held >= .seconds(3) && held < .seconds(40), "\(held)")
    }
  }

  @Test("one connection past the limit gets 503 and is closed; the others are served")
  func connectionsPastTheLimitAreRefused() async throws {
    var configuration = Self.configuration
    configuration.maxConnections = 2
    configuration.requestReadTimeout = .seconds(20)
    try await withEmulator(configuration) { emulator in
      let port = try #require(emulator.endpoint.port)
      // Three connections that say nothing for a while: whichever arrives last finds both
      // places taken and is answered at once; the other two wait for their (bad) request.
      let quiet: [(Duration, [UInt8])] = [(.seconds(5), Array("x\r\n\r\n".utf8))]
      async let first = RawHTTP.exchange(port: port, parts: quiet, timeout: .seconds(40))
      async let second = RawHTTP.exchange(port: port, parts: quiet, timeout: .seconds(40))
      async let third = RawHTTP.exchange(port: port, parts: quiet, timeout: .seconds(40))
      let statuses = try await [first, second, third].map { try RawHTTP.parse($0).status }
      #expect(statuses.sorted() == [400, 400, 503], "\(statuses)")
      // The places are free again.
      let requests = try SignedRequests(emulator)
      let again = try await RawHTTP.exchange(
        port: port, requests.request("POST", "/identities?api-version=2023-10-01"))
      #expect(try RawHTTP.parse(again).status == 201)
    }
  }

  @Test("a kept-alive connection may stay idle longer than the read timeout between requests")
  func idleBetweenRequestsIsFine() async throws {
    // A longer timeout than the others: the first request must arrive within it of the
    // connection opening, even on a busy machine.
    var configuration = Self.configuration
    configuration.requestReadTimeout = .seconds(20)
    try await withEmulator(configuration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let requests = try SignedRequests(emulator)
      let keepAlive = requests.request("POST", "/identities?api-version=2023-10-01")
      let first = String(decoding: keepAlive, as: UTF8.self)
        .replacingOccurrences(of: "Connection: close", with: "Connection: keep-alive")
      // Signed for the second part's send time is not needed: the date window is 15 minutes.
      let second = requests.request("POST", "/identities?api-version=2023-10-01")
      let received = try await RawHTTP.exchange(
        port: port, parts: [(.zero, Array(first.utf8)), (.seconds(25), second)],
        timeout: .seconds(90))
      let text = String(decoding: received, as: UTF8.self)
      #expect(text.components(separatedBy: "HTTP/1.1 201 ").count == 3, "\(text)")
    }
  }
}
