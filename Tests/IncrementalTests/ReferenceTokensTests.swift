import Testing

@testable import Incremental

/// The token hashes stand in for the text: a needle of name bytes is found exactly when
/// `ReferenceScan.contains` finds it, any other needle at least then.
@Suite struct ReferenceTokensTests {
  static func matches(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    let hashes = ReferenceTokens.hashes(of: text)
    return ReferenceTokens.runs(of: needle).allSatisfy {
      ReferenceScan.holds(hashes[...], $0)
    }
  }

  @Test(arguments: [
    ("[p](page-14.md)", true),
    ("[p](../area/page-14.md#next-steps)", true),
    ("[p](page-14)", true),
    ("<a href=\"page-14.MD\">", true),
    ("page-14", true),
    ("[p](page-140.md)", false),
    ("[p](my-page-14.md)", false),
    ("[p](page-14.mdx)", false),
    ("[p](page-14.md.md)", false),
  ])
  func agreesWithTheTextSearch(text: String, expected: Bool) {
    #expect(Self.matches(Array(text.utf8), Array("page-14".utf8)) == expected)
    #expect(ReferenceScan.contains(Array(text.utf8), Array("page-14".utf8)) == expected)
  }

  @Test func hashesAreSortedAndDistinct() {
    let hashes = ReferenceTokens.hashes(of: Array("a b a a.md b.MD c".utf8))
    #expect(hashes == hashes.sorted())
    #expect(Set(hashes).count == hashes.count)
    // a, b, c, a.md, b.MD: five tokens; a.md and b.MD also stand for a and b.
    #expect(hashes.count == 5)
  }

  /// 20,000 random texts and needles over an alphabet made to produce near misses.
  @Test func randomTextsAgreeWithTheTextSearch() {
    var random = SplitMix(seed: 0x5eed)
    let alphabet = Array("ab-.mdMD/ #()%é".utf8)
    func word(_ length: Int) -> [UInt8] {
      (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
    }
    var disagreements: [String] = []
    for _ in 0..<20_000 {
      let text = word(Int(random.next() % 40))
      let needle = word(1 + Int(random.next() % 4))
      let exact = ReferenceScan.contains(text, needle)
      let tokens = Self.matches(text, needle)
      let nameBytesOnly = needle.allSatisfy(ReferenceScan.isNameByte)
      // Exact for needles of name bytes; never fewer matches for the others.
      if nameBytesOnly ? exact != tokens : exact && !tokens {
        disagreements.append(
          "\(String(decoding: needle, as: UTF8.self)) in \(String(decoding: text, as: UTF8.self))")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
  }
}

/// A small seeded generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
