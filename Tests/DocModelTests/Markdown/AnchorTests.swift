import DocModel
import Testing

@Suite struct AnchorTests {
  @Test func idsAndNamesFromHTMLBlocksAndInlineHTML() throws {
    let page = try fixture("anchors.md")
    #expect(
      page.anchors.map { "\($0.line) \($0.id)" } == [
        "3 block-anchor", "4 single-quoted", "7 legacy-name", "7 inline-id",
      ])
    #expect(!page.anchors.contains { $0.id == "not-an-anchor" }, "name only counts on <a>")
    #expect(!page.anchors.contains { $0.id.hasPrefix("in-") }, "nothing from code")
  }

  @Test func commentsAreKeptWithTheirLines() throws {
    let page = try fixture("anchors.md")
    #expect(
      page.comments.map { "\($0.line) \($0.text)" } == [
        "11 docproof-disable-next-line bookmark-not-found", "14 note to self",
      ])
  }

  @Test func multiLineComment() {
    let page = parse("<!--\n  docproof: transcript access-tokens\n-->\n```console\nx\n```\n")
    #expect(page.comments.map(\.text) == ["docproof: transcript access-tokens"])
    #expect(page.comments.map(\.line) == [1])
    #expect(page.comments.map(\.endLine) == [3])
  }

  @Test func anchorsInsideAnHTMLBlockGetTheirOwnLines() {
    let page = parse("<div>\n<p>x</p>\n<span id=\"third\"></span>\n</div>\n")
    #expect(page.anchors.map(\.line) == [3])
  }
}
