import NIOCore
import NIOHTTPTypes
import Synchronization

/// The connections an emulator holds open, shared by every connection's handler.
final class ConnectionCount: Sendable {
  let limit: Int
  private let open = Atomic<Int>(0)

  init(limit: Int) { self.limit = limit }

  /// Takes a place; `false` (and nothing taken) when every place is taken.
  func enter() -> Bool {
    while true {
      let current = open.load(ordering: .relaxed)
      guard current < limit else { return false }
      if open.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
        .exchanged
      {
        return true
      }
    }
  }

  func leave() { open.subtract(1, ordering: .relaxed) }
}

/// Holds at most `count.limit` connections at once: one more is answered
/// `503 ServiceUnavailable` and closed, so that many idle clients cannot take every file
/// handle the emulator has.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart

  private let count: ConnectionCount
  private var admitted = false
  private var decided = false

  init(count: ConnectionCount) { self.count = count }

  func handlerAdded(context: ChannelHandlerContext) {
    // A response can only be written to an active channel; one still being set up is
    // judged when it becomes active.
    if context.channel.isActive { admit(context: context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    admit(context: context)
    context.fireChannelActive()
  }

  private func admit(context: ChannelHandlerContext) {
    guard !decided else { return }
    decided = true
    admitted = count.enter()
    guard !admitted else { return }
    context.writeFailureAndClose(
      ServiceFailure(
        status: .serviceUnavailable, code: "ServiceUnavailable",
        message: "The emulator holds \(count.limit) connections already; try again.",
        target: nil))
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    if admitted { count.leave() }
    admitted = false
  }
}
