/// FNV-1a, 64 bits: the same hash in every run and on every machine (Swift's `Hasher` is
/// seeded per process), for what outlives a run or must agree across jobs: shard
/// assignment, reference tokens, cache keys and checksums.
public enum StableHash {
  public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  public static let prime: UInt64 = 0x100_0000_01b3

  /// The hash of `bytes`, continuing from `hash`.
  @inlinable
  public static func fnv1a(_ bytes: some Sequence<UInt8>, from hash: UInt64 = offsetBasis)
    -> UInt64
  {
    var hash = hash
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
    return hash
  }

  /// A short name for several parts (a cache folder, a file): the hash of the parts
  /// joined by newlines, in hexadecimal.
  public static func key(_ parts: [String]) -> String {
    String(fnv1a(parts.joined(separator: "\n").utf8), radix: 16)
  }
}
