import DocModel
import Testing

@Suite struct TabTests {
  @Test func tabHeadingsAreTabsNotBookmarks() throws {
    let page = try fixture("tabs.md")
    #expect(page.tabs.map(\.id) == ["csharp", "python"])
    #expect(page.tabs.map(\.condition) == [nil, "linux"])
    #expect(page.tabs.map(\.title) == ["C#", "Python"])
    #expect(page.headings.map(\.text) == ["Tabs"])
  }

  @Test func tabLinksStayLinksForTheChecks() throws {
    let page = try fixture("tabs.md")
    #expect(page.links.filter { $0.target.hasPrefix("#tab/") }.count == 3)
  }

  /// A translation keeps the source's tab id with DocFX's heading anchor: still a tab.
  @Test func aTabHeadingWithAHeadingAnchorIsStillATab() {
    let page = PageParser.parse(
      bytes: Array(
        "# T\n\n#### <a name=\"windows\"></a>[Windows](#tab/windows)\n\nx\n\n---\n".utf8),
      path: "sv-se/a.md")
    #expect(page.tabs.map(\.id) == ["windows"])
    #expect(page.tabs.map(\.title) == ["Windows"])
    #expect(page.headings.map(\.id) == ["t"])
    #expect(page.anchors.isEmpty, "the anchor is the tab heading's, not a bookmark of its own")
  }
}
