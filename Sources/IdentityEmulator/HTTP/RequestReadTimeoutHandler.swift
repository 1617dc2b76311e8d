import NIOCore
import NIOHTTPTypes

/// Bounds how long a request may take to arrive: from its first byte to its last, at most
/// `timeout`, however slowly the bytes drip in.
///
/// The idle timeout alone does not stop a client that sends a byte every few seconds (a
/// "slowloris"): each byte resets it. This handler sits after the HTTP codec and puts a
/// `FirstByteWatcher` at the front of the pipeline, which starts the clock when the first
/// byte (TLS bytes included) of a request arrives, and when the connection opens: one that
/// never sends a byte, or stops in the middle of a TLS handshake, is closed as soon. The
/// clock stops when the request's end is decoded. When it runs out before the response
/// began, the client gets `408 RequestTimeout` (a slow body too) and the connection closes;
/// once the responder has begun its answer, the connection just closes. Time between
/// requests on a kept-alive connection is the idle timeout's business.
final class RequestReadTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private let timeout: TimeAmount
  private var context: ChannelHandlerContext?
  private var deadline: Scheduled<Void>?
  private var headReceived = false
  private var responseOpen = false

  init(timeout: TimeAmount) {
    self.timeout = timeout
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    let watcher = FirstByteWatcher { [weak self] in self?.bytesArrived() }
    try? context.pipeline.syncOperations.addHandler(watcher, position: .first)
    // A new connection has the same time to send its request as a started one.
    bytesArrived()
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    stopClock()
    self.context = nil
  }

  func channelInactive(context: ChannelHandlerContext) {
    stopClock()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head: headReceived = true
    case .body: break
    case .end:
      headReceived = false
      stopClock()
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head: responseOpen = true
    case .body: break
    case .end: responseOpen = false
    }
    context.write(data, promise: promise)
  }

  /// Bytes came in: starts the clock unless a request is already on it.
  private func bytesArrived() {
    guard deadline == nil, let context else { return }
    let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
    deadline = context.eventLoop.scheduleTask(in: timeout) { handler.value.expire() }
  }

  private func stopClock() {
    deadline?.cancel()
    deadline = nil
  }

  /// The request did not arrive in time.
  private func expire() {
    deadline = nil
    guard let context else { return }
    if responseOpen {
      context.close(promise: nil)
      return
    }
    let seconds = timeout.nanoseconds / 1_000_000_000
    context.writeFailureAndClose(
      ServiceFailure(
        status: .requestTimeout, code: "RequestTimeout",
        message: "The request did not arrive within \(seconds) seconds of its first byte.",
        target: nil))
  }
}

/// Tells its owner each time bytes arrive, before any decoding; passes them on unchanged.
final class FirstByteWatcher: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  private let arrived: () -> Void

  init(arrived: @escaping () -> Void) {
    self.arrived = arrived
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    arrived()
    context.fireChannelRead(data)
  }
}
