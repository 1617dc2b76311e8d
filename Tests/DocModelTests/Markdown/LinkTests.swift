import CCmarkInlineChars
import Testing

@testable import DocModel

@Suite struct LinkTests {
  @Test func inlineReferenceAutolinkAndImages() throws {
    let page = try fixture("links.md")
    let summary = page.links.map { "\($0.line):\($0.column) \($0.kind.rawValue) \($0.target)" }
    #expect(
      summary == [
        "3:8 inline one.md", "3:34 inline two.md", "3:66 inline three.md#part",
        "4:11 inline #links", "4:35 inline five%20file.md", "4:65 inline six.md?view=x#frag",
        "6:16 reference seven.md", "6:41 reference eight.md#x",
        "6:60 reference https://example.com/nine", "8:12 autolink https://example.com/a",
        "8:40 autolink https://example.com/b", "8:66 autolink http://www.example.org",
        "10:9 inline media/one.png", "10:39 reference media/two.png", "14:12 inline table.md",
      ])
    #expect(page.links.filter(\.isImage).map(\.text) == ["alt one", "alt two"])
  }

  @Test func codeAndEscapesAreNotLinks() throws {
    let page = try fixture("links.md")
    let targets = Set(page.links.map(\.target))
    #expect(!targets.contains("code.md"))
    #expect(!targets.contains("escaped.md"))
    #expect(!targets.contains("fenced.md"))
  }

  @Test func columnsCountCharactersNotBytes() {
    let page = parse("Åäö ünïcödé [link](x.md)\n")
    #expect(page.links.first?.column == 13)
  }

  @Test func bareURLPositionsAreRecoveredAcrossLines() {
    let page = parse("First line\nsecond https://example.com/c end\n")
    #expect(page.links.map { "\($0.line):\($0.column)" } == ["2:8"])
  }
}

/// cmark-gfm 0.29 keeps its special inline characters in a global that each parse sets and
/// clears: parses on other threads must not make this one miss autolinks or strikethrough.
@Suite struct ConcurrentParsingTests {
  /// The table is pinned here (Debian's libcmark-gfm binds the call through its PLT), so the
  /// test below runs parsers' inline phases in parallel, not one at a time under the lock.
  @Test func theInlineCharacterTableIsPinnedAfterTheFirstParse() {
    _ = PageParser.parse(bytes: Array("~~a~~\n".utf8), path: "a.md")
    #expect(CmarkDocument.parallelInlinePhase)
    #expect(docproof_cmark_inline_chars_pinned() == 1)
  }

  @Test func parallelParsesSeeEveryExtension() async {
    let text = """
      # Title

      Visit https://example.com/a and www.example.org, ~~not this~~, or <https://example.com/b>.

      | a | b |
      |---|---|
      | [x](x.md) | https://example.com/c |

      """
    let expected = PageParser.parse(bytes: Array(text.utf8), path: "a.md").links.map(\.target)
    #expect(expected.count == 5)
    let results = await withTaskGroup(of: [String].self) { group in
      for index in 0..<3000 {
        group.addTask {
          // Alternate with a page without inline extensions in play, which also clears them.
          let other = index.isMultiple(of: 2) ? text : "Plain text with *emphasis* only.\n"
          _ = PageParser.parse(bytes: Array(other.utf8), path: "b.md")
          return PageParser.parse(bytes: Array(text.utf8), path: "a.md").links.map(\.target)
        }
      }
      var all: [[String]] = []
      for await links in group { all.append(links) }
      return all
    }
    let wrong = results.filter { $0 != expected }
    #expect(
      wrong.isEmpty, "\(wrong.count) of \(results.count) parses lost links: \(wrong.first ?? [])")
  }
}
