import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A small HTTP server on 127.0.0.1 that answers like real sites do, and counts requests.
actor RequestLog {
  private(set) var counts: [String: Int] = [:]
  func record(_ key: String) -> Int {
    counts[key, default: 0] += 1
    return counts[key]!
  }
  func count(_ key: String) -> Int { counts[key, default: 0] }
  var total: Int { counts.values.reduce(0, +) }
}

func withLoopbackServer<T: Sendable>(
  _ body: @Sendable (_ base: String, _ log: RequestLog) async throws -> T
) async throws -> T {
  let log = RequestLog()
  let router = Router()
  router.on("/ok", method: .head) { _, _ in
    _ = await log.record("HEAD /ok")
    return HTTPResponse.Status.ok
  }
  router.on("/ok", method: .get) { _, _ in
    _ = await log.record("GET /ok")
    return "fine"
  }
  router.on("/missing", method: .head) { _, _ in
    _ = await log.record("HEAD /missing")
    return HTTPResponse.Status.notFound
  }
  router.on("/missing", method: .get) { _, _ in
    _ = await log.record("GET /missing")
    return HTTPResponse.Status.notFound
  }
  router.on("/head-refused", method: .head) { _, _ in
    _ = await log.record("HEAD /head-refused")
    return HTTPResponse.Status.methodNotAllowed
  }
  router.on("/head-refused", method: .get) { _, _ in
    _ = await log.record("GET /head-refused")
    return "fine"
  }
  router.on("/busy", method: .head) { _, _ -> Response in
    let count = await log.record("HEAD /busy")
    if count <= 2 {
      return Response(status: .tooManyRequests, headers: [.retryAfter: "0"])
    }
    return Response(status: .ok)
  }
  router.on("/always-busy", method: .head) { _, _ -> Response in
    _ = await log.record("HEAD /always-busy")
    return Response(status: .serviceUnavailable, headers: [.retryAfter: "0"])
  }
  router.on("/slow", method: .head) { _, _ -> HTTPResponse.Status in
    _ = await log.record("HEAD /slow")
    try await Task.sleep(for: .seconds(4))
    return .ok
  }
  router.on("/redirect", method: .head) { _, _ -> Response in
    _ = await log.record("HEAD /redirect")
    return Response(status: .movedPermanently, headers: [.location: "/ok"])
  }
  var logger = Logger(label: "loopback")
  logger.logLevel = .critical
  let (ports, continuation) = AsyncStream<Int>.makeStream()
  let application = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
    onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
    logger: logger)
  let services = ServiceGroup(
    configuration: ServiceGroupConfiguration(services: [application], logger: logger))
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await services.run() }
    var iterator = ports.makeAsyncIterator()
    let port = await iterator.next() ?? 0
    let result: Result<T, any Error>
    do { result = .success(try await body("http://127.0.0.1:\(port)", log)) } catch {
      result = .failure(error)
    }
    await services.triggerGracefulShutdown()
    group.cancelAll()
    return try result.get()
  }
}
