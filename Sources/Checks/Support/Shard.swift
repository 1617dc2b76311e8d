import DocModel

/// One of N deterministic parts of a check (`--shard I/N`): N CI jobs, each running one
/// shard, together report exactly what one run reports.
///
/// Every file belongs to exactly one shard, by a stable hash of its root-relative path
/// (FNV-1a, the same on every machine and run), and a shard reports only the findings in
/// its files. Each shard still reads the whole tree (includes and bookmarks cross files),
/// but the expensive per-file work that can be split, external link checks, is.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// 1-based.
  public let index: Int
  public let count: Int

  /// Parses `I/N`, with 1 ≤ I ≤ N.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
      parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
      count >= 1, (1...count).contains(index)
    else { return nil }
    self.index = index
    self.count = count
  }

  public var description: String { "\(index)/\(count)" }

  /// Whether the file at `path` (root-relative) belongs to this shard.
  public func owns(_ path: String) -> Bool {
    StableHash.fnv1a(path.utf8) % UInt64(count) == UInt64(index - 1)
  }
}
