import Dispatch
import Foundation
import Synchronization

/// Stops a process group that outlives its timeout: SIGTERM at the deadline, SIGKILL a grace
/// period later, unless cancelled first.
///
/// A Dispatch timer rather than a sleeping task: a task waits for a free thread of the
/// cooperative pool, which parsing or other runs may keep busy, so a timeout would fire late
/// exactly when the machine is loaded.
final class GroupDeadline: Sendable {
  private enum State { case armed, terminated, cancelled }
  private let state = Mutex(State.armed)
  private let processGroup: pid_t

  init(processGroup: pid_t, timeout: Duration, grace: Duration) {
    self.processGroup = processGroup
    let queue = DispatchQueue.global()
    queue.asyncAfter(deadline: .now() + timeout.dispatchInterval) { [self] in
      let fired = state.withLock { state in
        guard state == .armed else { return false }
        state = .terminated
        killpg(processGroup, SIGTERM)
        return true
      }
      guard fired else { return }
      queue.asyncAfter(deadline: .now() + grace.dispatchInterval) { [self] in
        // Under the lock, so that a group that `cancel` has let go (and that may be reaped
        // and its number reused) is never signalled.
        state.withLock { state in
          if state == .terminated { killpg(processGroup, SIGKILL) }
        }
      }
    }
  }

  /// Stops the timer, which no longer signals the group; returns whether the deadline had
  /// passed.
  @discardableResult
  func cancel() -> Bool {
    state.withLock { state in
      defer { state = .cancelled }
      return state == .terminated
    }
  }
}

extension Duration {
  /// The duration for Dispatch, to the nanosecond.
  fileprivate var dispatchInterval: DispatchTimeInterval {
    let (seconds, attoseconds) = components
    return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
  }
}
