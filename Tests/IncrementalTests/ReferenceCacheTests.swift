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

  @Test func whatIsWrittenIsReadBackInItsOrder() throws {
    let bytes = ReferenceCache.encode([
      ("b.md", Self.sha1, [1, 5, 9][...]), ("a/é.md", Self.other, [][...]),
      ("a.md", Self.sha1, [UInt64.max][...]),
    ])
    let cache = try ReferenceCache.decode(bytes)
    #expect(cache.count == 3)
    #expect((0..<3).map(cache.path(at:)) == ["b.md", "a/é.md", "a.md"])
    #expect((0..<3).map(cache.id(at:)) == [Self.sha1, Self.other, Self.sha1])
    #expect(cache.hashes(forPath: "b.md", id: Self.sha1).map(Array.init) == [1, 5, 9])
    #expect(cache.hashes(forPath: "a/é.md", id: Self.other).map(Array.init) == [])
    #expect(cache.hashes(forPath: "a.md", id: Self.sha1).map(Array.init) == [UInt64.max])
    #expect(cache.hashes(forPath: "b.md", id: Self.other) == nil)
    #expect(cache.hashes(forPath: "c.md", id: Self.sha1) == nil)
    #expect(try ReferenceCache.decode(ReferenceCache.encode([])).count == 0)
    let wide = try ReferenceCache.decode(ReferenceCache.encode([("x.md", Self.sha256, [7][...])]))
    #expect(wide.hashes(forPath: "x.md", id: Self.sha256).map(Array.init) == [7])
    // Ids of another length than the first's are left out.
    let mixed = try ReferenceCache.decode(
      ReferenceCache.encode([("x.md", Self.sha1, [1][...]), ("y.md", Self.sha256, [2][...])]))
    #expect(mixed.count == 1 && mixed.path(at: 0) == "x.md")
  }

  @Test func theHashesStartOnAWordWhateverThePathsTake() throws {
    // Paths of every length modulo 8 before them: the hashes are read where they are.
    for length in 1...9 {
      let path = String(repeating: "p", count: length)
      let bytes = ReferenceCache.encode([(path, Self.sha1, [3, 4][...])])
      #expect(bytes.count % 8 == 0, "\(length)")
      let cache = try ReferenceCache.decode(bytes)
      #expect(cache.hashRange(at: 0).lowerBound * 8 == bytes.count - 8 - 16, "\(length)")
      #expect(Array(cache.hashes(at: 0)) == [3, 4])
    }
  }

  @Test func damagedBytesAreRefused() throws {
    let good = ReferenceCache.encode([
      ("a.md", Self.sha1, [1, 5, 9][...]), ("sub/b.md", Self.other, [2][...]),
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
    // Headers announcing more than there is, each with a checksum to match.
    let headers: [(Range<Int>, [UInt8])] = [
      (12..<16, [0xff, 0xff, 0xff, 0x7f]),  // entries
      (16..<24, [0xff, 0, 0, 0, 0, 0, 0, 0]),  // bytes of paths
      (24..<32, [0, 0, 0, 0, 0, 0, 0, 0x10]),  // hashes
    ]
    for (range, value) in headers {
      var huge = Array(good[..<(good.count - 8)])
      huge.replaceSubrange(range, with: value)
      let checksum = huge.withUnsafeBytes { ReferenceCache.checksum($0) }
      withUnsafeBytes(of: checksum.littleEndian) { huge.append(contentsOf: $0) }
      #expect(throws: ReferenceCache.Damage.self) { try ReferenceCache.decode(huge) }
    }
    // Hashes out of order, with a checksum to match.
    var unordered = ReferenceCache.encode([("a.md", Self.sha1, [9, 5][...])])
    unordered.removeLast(8)
    let checksum = unordered.withUnsafeBytes { ReferenceCache.checksum($0) }
    withUnsafeBytes(of: checksum.littleEndian) { unordered.append(contentsOf: $0) }
    #expect(throws: ReferenceCache.Damage(description: "an entry's hashes are not in order")) {
      try ReferenceCache.decode(unordered)
    }
    #expect(throws: ReferenceCache.Damage.self) {
      try ReferenceCache.decode(Array("not a cache".utf8))
    }
  }
}
