import TestSupport
import Testing

@testable import Incremental

/// The token hashes stand in for the text: a needle of name bytes is found exactly when a
/// plain search of the text finds it as a whole path segment, any other needle at least then.
@Suite struct ReferenceTokensTests {
  static func matches(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    let hashes = ReferenceTokens.hashes(of: text)
    return ReferenceTokens.runs(of: needle).allSatisfy {
      ReferenceScan.holds(hashes[...], $0)
    }
  }

  /// The question the tokens answer, asked of the text: `needle` somewhere not preceded by
  /// a name byte, and followed by one that is not (or by `.md`, any case, and then one that
  /// is not).
  static func textHolds(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= text.count else { return false }
    for position in 0...(text.count - needle.count)
    where text[position..<position + needle.count].elementsEqual(needle) {
      if position > 0, ReferenceTokens.isNameByte(text[position - 1]) { continue }
      var end = position + needle.count
      if end + 3 <= text.count, text[end] == UInt8(ascii: "."),
        text[end + 1] | 0x20 == UInt8(ascii: "m"), text[end + 2] | 0x20 == UInt8(ascii: "d")
      {
        end += 3
      }
      if end == text.count || !ReferenceTokens.isNameByte(text[end]) { return true }
    }
    return false
  }

  @Test(arguments: [
    ("[p](page-14.md)", true),
    ("[p](../area/page-14.md#next-steps)", true),
    ("[p](page-14)", true),
    ("[p](page-14#x)", true),
    ("[!INCLUDE [x](./includes/page-14.md)]", true),
    ("<a href=\"page-14.MD\">", true),
    ("[ref]: page-14.md \"Title\"", true),
    ("page-14", true),
    ("[p](page-140.md)", false),
    ("[p](my-page-14.md)", false),
    ("[p](page-14-azcli.md)", false),
    ("[p](page-14.mdx)", false),
    ("[p](page-14.md.md)", false),
  ])
  func matchesOnlyAWholePathSegment(text: String, expected: Bool) {
    #expect(Self.matches(Array(text.utf8), Array("page-14".utf8)) == expected)
    #expect(Self.textHolds(Array(text.utf8), Array("page-14".utf8)) == expected)
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
    var random = SplitMix64(seed: 0x5eed)
    let alphabet = Array("ab-.mdMD/ #()%é".utf8)
    func word(_ length: Int) -> [UInt8] {
      (0..<length).map { _ in alphabet[random.next(below: alphabet.count)] }
    }
    var disagreements: [String] = []
    for _ in 0..<20_000 {
      let text = word(random.next(below: 40))
      let needle = word(1 + random.next(below: 4))
      let exact = Self.textHolds(text, needle)
      let tokens = Self.matches(text, needle)
      let nameBytesOnly = needle.allSatisfy(ReferenceTokens.isNameByte)
      // Exact for needles of name bytes; never fewer matches for the others.
      if nameBytesOnly ? exact != tokens : exact && !tokens {
        disagreements.append(
          "\(String(decoding: needle, as: UTF8.self)) in \(String(decoding: text, as: UTF8.self))")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
  }
}
