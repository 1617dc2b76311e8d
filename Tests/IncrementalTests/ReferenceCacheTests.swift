import DocModel
import Foundation
import TestSupport
import Testing

@testable import Incremental

/// The cache file: what is written is read back; anything damaged is refused, never
/// trusted and never a crash.
@Suite struct ReferenceCacheTests {
  static let sha1 = GitObjectID(hex: Array("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391".utf8))!
  static let other = GitObjectID(hex: Array("0123456789ABCDEF0123456789abcdef01234567".utf8))!
  static let sha256 = GitObjectID(
    hex: Array("473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813".utf8))!

  @Test func objectIDsReadAndPrintAsGitDoes() {
    #expect(Self.sha1.description == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    #expect(Self.other.description == "0123456789abcdef0123456789abcdef01234567")
    #expect(Self.sha1.byteCount == 20 && Self.sha256.byteCount == 32)
    #expect(GitObjectID(bytes: Self.sha256.bytes) == Self.sha256)
    #expect(Self.other < Self.sha1)
    for bad in [
      "", "e69de29", "g69de29bb2d1d6434b8b29ae775ad8c2e48c5391", String(repeating: "a", count: 41),
    ] {
      #expect(GitObjectID(hex: Array(bad.utf8)) == nil, "\(bad)")
    }
  }

  @Test func hexDigitsReadAsTheBytesTheyName() {
    // Every digit value in every position, both cases, against the bytes they spell.
    var generator = SplitMix64(seed: 9)
    for _ in 0..<200 {
      let count = generator.next() % 2 == 0 ? 20 : 32
      let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      var hex = bytes.map { String(format: "%02x", $0) }.joined()
      if generator.next() % 2 == 0 { hex = hex.uppercased() }
      #expect(GitObjectID(hex: Array(hex.utf8))?.bytes == bytes, "\(hex)")
      #expect(GitObjectID(hex: Array(hex.utf8)[...]) == GitObjectID(bytes: bytes))
      // One digit that is not hexadecimal, anywhere, and the id is refused.
      var bad = Array(hex.utf8)
      bad[Int(generator.next() % UInt64(bad.count))] =
        Array("g/:@`G".utf8)[
          Int(generator.next() % 6)]
      #expect(GitObjectID(hex: bad) == nil, "\(String(decoding: bad, as: UTF8.self))")
    }
  }

  /// The hashes of the entry for `path` and `id`, if `cache` has one.
  static func hashes(_ cache: ReferenceCache, _ path: String, _ id: GitObjectID) -> [UInt64]? {
    cache.entries.first { $0.path == path && $0.id == id }?.hashes
  }

  @Test func whatIsWrittenIsReadBackInItsOrder() throws {
    let bytes = ReferenceCache.encode([
      ("b.md", Self.sha1, [1, 5, 9]), ("a/é.md", Self.other, []), ("a.md", Self.sha1, [UInt64.max]),
    ])
    let cache = try ReferenceCache.decode(bytes)
    #expect(cache.count == 3)
    #expect(cache.entries.map(\.path) == ["b.md", "a/é.md", "a.md"])
    #expect(cache.entries.map(\.id) == [Self.sha1, Self.other, Self.sha1])
    #expect(Self.hashes(cache, "b.md", Self.sha1) == [1, 5, 9])
    #expect(Self.hashes(cache, "a/é.md", Self.other) == [])
    #expect(Self.hashes(cache, "a.md", Self.sha1) == [UInt64.max])
    #expect(Self.hashes(cache, "b.md", Self.other) == nil)
    #expect(Self.hashes(cache, "c.md", Self.sha1) == nil)
    #expect(try ReferenceCache.decode(ReferenceCache.encode([])).count == 0)
    let wide = try ReferenceCache.decode(ReferenceCache.encode([("x.md", Self.sha256, [7])]))
    #expect(Self.hashes(wide, "x.md", Self.sha256) == [7])
    // Each entry says how long its id is.
    let mixed = try ReferenceCache.decode(
      ReferenceCache.encode([("x.md", Self.sha1, [1]), ("y.md", Self.sha256, [2])]))
    #expect(mixed.entries.map(\.id) == [Self.sha1, Self.sha256])
  }

  /// `bytes` with its checksum replaced by the one that matches what comes before it.
  static func resealed(_ bytes: [UInt8]) -> [UInt8] {
    var body = Array(bytes.dropLast(8))
    withUnsafeBytes(of: StableHash.fnv1a(body).littleEndian) { body.append(contentsOf: $0) }
    return body
  }

  @Test func damagedBytesAreRefused() throws {
    let good = ReferenceCache.encode([
      ("a.md", Self.sha1, [1, 5, 9]), ("sub/b.md", Self.other, [2]),
    ])
    // Every truncation.
    for length in 0..<good.count {
      #expect(throws: ReferenceCache.Damage.self) {
        try ReferenceCache.decode(Array(good[..<length]))
      }
    }
    // Every single flipped bit.
    for index in good.indices {
      for bit in 0..<8 {
        var bad = good
        bad[index] ^= 1 << bit
        #expect(throws: ReferenceCache.Damage.self) { try ReferenceCache.decode(bad) }
      }
    }
    // Sizes announcing more or less than there is, each with a checksum to match: the
    // entries, the first path's length, its id's length, its hashes.
    let sizes: [(Range<Int>, [UInt8])] = [
      (8..<12, [0xff, 0xff, 0xff, 0x7f]), (8..<12, [1, 0, 0, 0]),
      (12..<16, [0xff, 0xff, 0xff, 0xff]), (12..<16, [3, 0, 0, 0]),
      (20..<21, [21]), (20..<21, [32]),
      (41..<45, [0xff, 0xff, 0xff, 0xff]), (41..<45, [2, 0, 0, 0]),
    ]
    #expect(good[12..<16] == [4, 0, 0, 0] && good[20] == 20 && good[41..<45] == [3, 0, 0, 0])
    for (range, value) in sizes {
      var bad = good
      bad.replaceSubrange(range, with: value)
      #expect(throws: ReferenceCache.Damage.self, "\(range) \(value)") {
        try ReferenceCache.decode(Self.resealed(bad))
      }
    }
    // Hashes out of order (5 and 9 swapped in their first bytes), with a checksum to match.
    var unordered = ReferenceCache.encode([("a.md", Self.sha1, [5, 9])])
    (unordered[45], unordered[53]) = (9, 5)
    unordered = Self.resealed(unordered)
    #expect(throws: ReferenceCache.Damage(description: "an entry's hashes are not in order")) {
      try ReferenceCache.decode(unordered)
    }
    #expect(throws: ReferenceCache.Damage.self) {
      try ReferenceCache.decode(Array("not a cache".utf8))
    }
  }
}
