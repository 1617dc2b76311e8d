import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Catches code that waits on a FIFO, without letting the test hang: every `interval`, it
/// opens the FIFO for writing without blocking, which succeeds only while a reader has it
/// open, that is, while someone is waiting on it (a read that does not wait closes it at
/// once). Its open and close let a waiting `open` return and a waiting `read` see the end;
/// `unblocked` counts the times it had to.
public final class FIFOWatchdog: Sendable {
  private let count = Atomic<Int>(0)
  private let stopped = Atomic<Bool>(false)

  /// How many times a reader was found waiting and let go.
  public var unblocked: Int { count.load(ordering: .acquiring) }

  /// Starts watching `path` on a thread of its own (a cooperative thread may be the one
  /// waiting), for at most a minute.
  public init(_ path: String, every interval: TimeInterval = 0.5) {
    Thread.detachNewThread { [self] in
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline, !stopped.load(ordering: .acquiring) {
        Thread.sleep(forTimeInterval: interval)
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        // ENXIO: nobody has it open for reading.
        guard descriptor >= 0 else { continue }
        count.add(1, ordering: .releasing)
        close(descriptor)
      }
    }
  }

  /// Stops watching.
  public func stop() { stopped.store(true, ordering: .releasing) }
}
