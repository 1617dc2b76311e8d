import Foundation

/// The clock that dates tokens: the real time, or a fixed instant in deterministic mode.
///
/// Request authentication always checks `x-ms-date` against the real time, since clients
/// sign with theirs.
enum EmulatorClock: Sendable {
  case system
  case fixed(ticksSince1970: Int64)

  /// Now, in 100-nanosecond ticks since 1970.
  func now() -> Int64 {
    switch self {
    case .system:
      Int64((Date().timeIntervalSince1970 * 10_000_000).rounded(.down))
    case .fixed(let ticks):
      ticks
    }
  }
}
