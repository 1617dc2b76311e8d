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

  @Test func whatIsWrittenIsReadBack() throws {
    let bytes = ReferenceCache.encode([
      (Self.sha1, [1, 5, 9][...]), (Self.other, [][...]), (Self.sha1, [1, 5, 9][...]),
    ])
    let cache = try ReferenceCache.decode(bytes)
    #expect(cache.count == 2)
    #expect(cache.hashes(for: Self.sha1).map(Array.init) == [1, 5, 9])
    #expect(cache.hashes(for: Self.other).map(Array.init) == [])
    #expect(cache.hashes(for: Self.sha256) == nil)
    #expect(try ReferenceCache.decode(ReferenceCache.encode([])).count == 0)
    let wide = try ReferenceCache.decode(ReferenceCache.encode([(Self.sha256, [7][...])]))
    #expect(wide.hashes(for: Self.sha256).map(Array.init) == [7])
  }

  @Test func damagedBytesAreRefused() throws {
    let good = ReferenceCache.encode([(Self.sha1, [1, 5, 9][...]), (Self.other, [2][...])])
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
    // A header announcing more than there is, with a checksum to match.
    var huge = Array(good[..<(good.count - 8)])
    huge.replaceSubrange(12..<16, with: [0xff, 0xff, 0xff, 0x7f])
    let checksum = ReferenceCache.checksum(huge[...])
    withUnsafeBytes(of: checksum.littleEndian) { huge.append(contentsOf: $0) }
    #expect(throws: ReferenceCache.Damage.self) { try ReferenceCache.decode(huge) }
    #expect(throws: ReferenceCache.Damage.self) {
      try ReferenceCache.decode(Array("not a cache".utf8))
    }
  }
}
