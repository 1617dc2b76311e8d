import TestSupport
import Testing

@testable import Incremental

/// Which files the reference cache answers for: same path, same object id, not changed.
@Suite struct CacheMatchTests {
  static let one = GitObjectID(hex: Array(String(repeating: "1", count: 40).utf8))!
  static let two = GitObjectID(hex: Array(String(repeating: "2", count: 40).utf8))!

  static func listing(_ entries: [(String, GitObjectID)]) -> GitTreeListing {
    GitTreeListing(
      listing: Array(entries.map { "100644 blob \($0.1)\t\($0.0)\0" }.joined().utf8))
  }

  static func cache(_ entries: [(String, GitObjectID)]) throws -> ReferenceCache {
    try ReferenceCache.decode(
      ReferenceCache.encode(entries.map { ($0.0, $0.1, [UInt64($0.0.utf8.count)]) }))
  }

  @Test func onlyTheSamePathWithTheSameObjectIsTakenFromTheCache() throws {
    let paths = ["a.md", "b.md", "c.md", "d.md", "e.md", "new.md"]
    let listing = Self.listing([
      ("a.md", Self.one), ("b.md", Self.one), ("c.md", Self.two), ("d.md", Self.one),
      ("e.md", Self.one), ("gone.md", Self.one),
    ])
    let cache = try Self.cache([
      ("a.md", Self.one), ("b.md", Self.one), ("c.md", Self.one), ("e.md", Self.one),
      ("gone.md", Self.one),
    ])
    let match = CacheMatch(
      paths: paths, listing: listing, changed: ["b.md", "new.md"], cache: cache)
    // a: same path and object. b: changed in the working tree. c: another object at the
    // commit. d: not in the cache. e: same. new: not at the commit.
    #expect(match.cached == [0, -1, -1, -1, 3, -1])
    #expect(match.unchanged == [0, -1, 2, 3, 4, -1])
  }

  @Test func pathsInAnotherOrderThanTheBytesOnlyMissEntries() throws {
    // Sorted as strings, "é" (U+00E9) comes after "z"; as bytes, 0xC3 does too, but a
    // decomposed "é" (e + U+0301) sorts by its characters next to the composed one while
    // its bytes start with "e": whichever way the walk steps, no path takes another's entry.
    let composed = "\u{E9}.md"
    let decomposed = "e\u{301}x.md"
    let paths = ["a.md", decomposed, "f.md", composed, "z.md"].sorted()
    let entries = paths.map { ($0, Self.one) }
    let listing = Self.listing(
      entries.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) })
    let match = CacheMatch(
      paths: paths, listing: listing, changed: [], cache: try Self.cache(entries))
    for index in paths.indices {
      if match.cached[index] >= 0 {
        #expect(try Self.cache(entries).entries[match.cached[index]].path == paths[index])
      }
      if match.unchanged[index] >= 0 {
        #expect(listing.path(at: match.unchanged[index]) == paths[index])
      }
    }
    // The ASCII paths, in the same order both ways, are all found.
    for path in ["a.md", "f.md", "z.md"] {
      let index = try #require(paths.firstIndex(of: path))
      #expect(match.cached[index] >= 0 && match.unchanged[index] >= 0, "\(path)")
    }
  }

  @Test func bytesAreOrderedAsGitOrdersPaths() {
    // Against the standard library's order of byte arrays, on short random strings over a
    // small alphabet (so that prefixes and equal strings come up often).
    var generator = SplitMix64(seed: 3)
    for _ in 0..<2_000 {
      let left = (0..<Int(generator.next() % 5)).map { _ in UInt8(0x2D + generator.next() % 4) }
      let right = (0..<Int(generator.next() % 5)).map { _ in UInt8(0x2D + generator.next() % 4) }
      let order = left.withUnsafeBufferPointer { left in
        right.withUnsafeBufferPointer { left.byteOrder(comparedTo: $0) }
      }
      #expect((order < 0) == left.lexicographicallyPrecedes(right), "\(left) \(right)")
      #expect((order == 0) == (left == right), "\(left) \(right)")
    }
  }
}
