import Synchronization

/// Hands out consecutive ranges of `0..<total` to workers that ask for them, so that a few
/// long-lived tasks share thousands of small jobs without one task per job.
final class BatchCursor: Sendable {
  let total: Int
  let batch: Int
  private let next = Atomic<Int>(0)
  private let completed = Atomic<Int>(0)

  init(total: Int, batch: Int) {
    self.total = total
    self.batch = max(1, batch)
  }

  /// The next range nobody has taken, or `nil` when all are taken.
  func take() -> Range<Int>? {
    let start = next.wrappingAdd(batch, ordering: .relaxed).oldValue
    guard start < total else { return nil }
    return start..<min(start + batch, total)
  }

  /// Records `count` more jobs done; returns how many are done in all.
  func finish(_ count: Int) -> Int {
    completed.wrappingAdd(count, ordering: .relaxed).newValue
  }
}
