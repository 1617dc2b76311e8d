import DocModel
import Foundation
import TestSupport
import Testing

@testable import Localization

/// What a page's structure is made of.
@Suite struct PageStructureTests {
  func structure(_ text: String, transcripts: Set<Int> = []) -> PageStructure {
    PageStructure(
      of: PageParser.parse(bytes: Array(text.utf8), path: "x.md"), transcriptLines: transcripts,
      localeNames: ["en-us", "sv-se"])
  }

  @Test func eachAspectHasItsOwnListInCaseOrder() {
    #expect(StructureAspect.allCases.map(\.position) == Array(StructureAspect.allCases.indices))
  }

  @Test func everyAspectIsCollectedInFileOrder() {
    let page = structure(
      """
      ---
      zone_pivot_groups: langs
      ---
      # <a name="start"></a>Börja

      ::: zone pivot="python"
      [!INCLUDE [p](./includes/../includes/python.md)]
      ::: zone-end

      See [the concept](https://learn.microsoft.com/sv-se/azure/x) and ![pic](media/a.png).

      :::image type="content" source="media/b.png" alt-text="b":::

      ```python
      print("hi")   
      ```

      ```console
      hi
      ```

      """, transcripts: [18])
    #expect(page[.pivotGroups].map(\.key) == ["langs"])
    #expect(page[.zones].map(\.key) == ["pivot=\"python\""])
    #expect(page[.includes].map(\.key) == ["includes/python.md"])
    #expect(page[.sections].map(\.key) == ["h1 #start"])
    #expect(page[.links].map(\.key) == ["https://learn.microsoft.com/{locale}/azure/x"])
    #expect(page[.images].map(\.key) == ["media/a.png", "media/b.png"])
    #expect(page[.codeBlocks].map(\.key) == ["python\nprint(\"hi\")"], "trailing spaces ignored")
    #expect(page[.transcripts].map(\.key) == ["console\nhi"])
  }

  /// The byte-level normalizations give what the first versions (Foundation and
  /// `Character`s) gave, on random texts made of the pieces that matter.
  @Test func byteLevelNormalizationMatchesTheCharacterLevelOne() {
    func comparableCode(_ text: String) -> String {
      var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { line -> Substring in
          var line = line
          while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
          return line
        }
      while lines.last?.isEmpty == true { lines.removeLast() }
      return lines.joined(separator: "\n")
    }
    func neutralized(_ target: String, locales: Set<String>) -> String {
      let parts = target.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.contains(where: { locales.contains($0.lowercased()) }) else { return target }
      return parts.map { locales.contains($0.lowercased()) ? "{locale}" : String($0) }
        .joined(separator: "/")
    }
    let codePieces = ["a", "é", "日本", " ", "\t", "\n", "\r\n", "\r", "  \n", "x \t"]
    let linkPieces = [
      "/", "en-us", "EN-US", "sv-Se", "sv-se-x", "kk-kz", "\u{212A}k-kz", "a", "ä", "https:", "",
      "-",
    ]
    let locales: Set<String> = ["en-us", "sv-se", "kk-kz"]
    var random = SplitMix64(seed: 9)
    for _ in 0..<5_000 {
      let code = (0..<random.next(below: 12)).map { _ in
        codePieces[random.next(below: codePieces.count)]
      }.joined()
      // "\r\r\n": the first version kept a CR-LF made by removing one (a Character, never
      // split); the byte-level one treats it as a CR and a line end.
      if !code.contains("\r\r\n") {
        #expect(PageStructure.comparableCode(code) == comparableCode(code), "\(Array(code.utf8))")
      }
      let link = (0..<random.next(below: 8)).map { _ in
        linkPieces[random.next(below: linkPieces.count)]
      }.joined()
      #expect(
        PageStructure.neutralized(link, locales: locales) == neutralized(link, locales: locales),
        "\(link)")
    }
    #expect(PageStructure.comparableCode("a \r\nb\t\n\n  \n") == "a\nb")
    #expect(
      PageStructure.neutralized("/EN-us/azure/\u{212A}k-kz", locales: locales)
        == "/{locale}/azure/{locale}")
  }

  @Test func localeSegmentsCompareEqualInAnyCase() {
    let english = structure("[x](https://docs.microsoft.com/en-US/azure/a)\n")
    let swedish = structure("[x](https://docs.microsoft.com/sv-se/azure/a)\n")
    #expect(english[.links].map(\.key) == swedish[.links].map(\.key))
  }
}
