import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// The attacks that run beside the mixed load: replays, oversized bodies, slow clients.
struct Adversary: Sendable {
  let client: SoakClient
  let port: Int
  let certificateFile: String?
  let clockSkew: TimeInterval
  let readTimeout: TimeInterval

  /// What the attacks saw.
  struct Outcome: Sendable {
    var tally = Tally()
    /// Identities the replays created, which must still exist at the end.
    var created: [String] = []
    var replayAcceptedWithinWindow = 0
    var replayRefusedOutsideWindow = 0
    var bigBodies = 0
    var bigBodiesRefused = 0
    var slowClients = 0
    /// Seconds from a slow client's first byte to the emulator closing its connection.
    var slowClientCloseSeconds: [Double] = []
    var slowClients408 = 0
  }

  /// A request signed once and sent three times: twice at once (both run: HMAC signing
  /// has no nonce, and neither has the service), then after the date window has passed
  /// (refused with 401, and nothing created).
  func replay() async -> Outcome {
    var outcome = Outcome()
    let request = client.request(.POST, "/identities?api-version=2023-10-01", json: "{}")
    let signedAt = ContinuousClock.now
    for _ in 0..<2 {
      let answer = await client.send(request)
      outcome.tally.record("replay within window", answer, expected: [201])
      if answer.status == 201,
        let id = (answer.json()?["identity"] as? [String: Any])?["id"] as? String
      {
        outcome.created.append(id)
        outcome.replayAcceptedWithinWindow += 1
      }
    }
    try? await Task.sleep(until: signedAt + .seconds(clockSkew + 5))
    let late = await client.send(request)
    outcome.tally.record("replay outside window", late, expected: [401])
    if late.status == 401 { outcome.replayRefusedOutsideWindow += 1 }
    return outcome
  }

  /// `count` concurrent 10 MB bodies: half with a Content-Length, half streamed without
  /// one. Each must be refused with 413 (or the connection closed before the client could
  /// read the answer); none may run or fail with a 5xx.
  func bigBodies(count: Int) async -> Outcome {
    let size = 10 * 1024 * 1024
    let answers = await withTaskGroup(of: SoakClient.Answer.self) { group in
      for index in 0..<count {
        group.addTask {
          var request = client.request(.POST, "/identities?api-version=2023-10-01", json: "{}")
          if index.isMultiple(of: 2) {
            request.body = .bytes(ByteBuffer(repeating: UInt8(ascii: " "), count: size))
          } else {
            let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 64 * 1024)
            let chunks = AsyncStream<ByteBuffer> { continuation in
              for _ in 0..<(size / chunk.readableBytes) { continuation.yield(chunk) }
              continuation.finish()
            }
            request.body = .stream(chunks, length: .unknown)
          }
          return await client.send(request)
        }
      }
      var answers: [SoakClient.Answer] = []
      for await answer in group { answers.append(answer) }
      return answers
    }
    var outcome = Outcome()
    for answer in answers {
      outcome.bigBodies += 1
      // The emulator may answer 413 and close while the client is still writing: the
      // client then sees the connection close instead of the answer.
      outcome.tally.record("10 MB body", answer, expected: [413, 0])
      if answer.status == 413 || answer.status == nil { outcome.bigBodiesRefused += 1 }
    }
    return outcome
  }

  /// `count` clients that send a request head one byte every 250 ms, which would take
  /// far longer than the read timeout. Each connection must be closed within the read
  /// timeout plus 2 seconds of its first byte, with a 408 when the head was not complete.
  func slowClients(count: Int) async -> Outcome {
    let results = await withTaskGroup(of: (Double, Bool)?.self) { group in
      for _ in 0..<count {
        group.addTask { try? await slowClient() }
      }
      var results: [(Double, Bool)] = []
      for await result in group { results.append(result ?? (.infinity, false)) }
      return results
    }
    var outcome = Outcome()
    for (seconds, got408) in results {
      outcome.slowClients += 1
      outcome.slowClientCloseSeconds.append(seconds)
      if got408 { outcome.slowClients408 += 1 }
      if seconds > readTimeout + 2 {
        outcome.tally.note("slow client: connection open \(seconds) s after its first byte")
      }
      if !got408 { outcome.tally.note("slow client: no 408 before the connection closed") }
    }
    return outcome
  }

  /// One slow client over a raw socket (TLS when the emulator serves it): the seconds until
  /// the emulator closed the connection, and whether it answered 408 first.
  private func slowClient() async throws -> (Double, Bool) {
    let head =
      "POST /identities?api-version=2023-10-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "X-Padding: \(String(repeating: "a", count: 400))\r\n\r\n"
    let tlsContext = try certificateFile.map { file in
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.trustRoots = .file(file)
      return try NIOSSLContext(configuration: tls)
    }
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          if let tlsContext {
            try channel.pipeline.syncOperations.addHandler(
              NIOSSLClientHandler(context: tlsContext, serverHostname: nil))
          }
          return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      let start = ContinuousClock.now
      let writer = Task {
        for byte in head.utf8 {
          try await outbound.write(ByteBuffer(bytes: [byte]))
          try await Task.sleep(for: .milliseconds(250))
        }
      }
      defer { writer.cancel() }
      var received: [UInt8] = []
      do {
        for try await chunk in inbound { received += chunk.readableBytesView }
      } catch {
        // A reset still ends the connection.
      }
      let seconds = start.duration(to: .now).seconds
      let text = String(decoding: received, as: UTF8.self)
      return (seconds, text.hasPrefix("HTTP/1.1 408 "))
    }
  }

  /// What an idle flood saw: per connection, the seconds until the emulator closed it and
  /// whether it was refused at once.
  struct IdleFlood: Sendable {
    var opened = 0
    var notConnected = 0
    /// Closed within two seconds of opening (the emulator gives an unanswerable refusal a
    /// second to be written): past the connection limit.
    var refusedAtOnce = 0
    /// Of those refused, how many read a 503 first (over plain HTTP; over TLS the emulator
    /// cannot answer a client that never began its handshake).
    var refused503 = 0
    var closeSeconds: [Double] = []
  }

  /// `count` connections at once that send nothing, not even a TLS handshake. Those past the
  /// emulator's connection limit must be refused at once, the others closed within the read
  /// timeout plus 2 s: idle clients cannot hold the emulator's file handles.
  func idleFlood(count: Int) async -> IdleFlood {
    let results = await withTaskGroup(of: (Double, Bool)?.self) { group in
      for _ in 0..<count {
        group.addTask { try? await idleConnection() }
      }
      var results: [(Double, Bool)?] = []
      for await result in group { results.append(result) }
      return results
    }
    var flood = IdleFlood()
    for result in results {
      guard let (seconds, got503) = result else {
        flood.notConnected += 1
        continue
      }
      flood.opened += 1
      flood.closeSeconds.append(seconds)
      if seconds < 2 {
        flood.refusedAtOnce += 1
        if got503 { flood.refused503 += 1 }
      }
    }
    return flood
  }

  /// One connection that sends nothing: the seconds until the emulator closed it, and
  /// whether it answered 503 first.
  private func idleConnection() async throws -> (Double, Bool) {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, _ in
      let start = ContinuousClock.now
      var received: [UInt8] = []
      do {
        for try await chunk in inbound { received += chunk.readableBytesView }
      } catch {
        // A reset still ends the connection.
      }
      let seconds = start.duration(to: .now).seconds
      return (seconds, String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 503 "))
    }
  }
}
