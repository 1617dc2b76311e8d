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
}
