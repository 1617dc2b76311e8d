import Checks
import DocModel
import Testing

@Suite struct BookmarkTests {
  static let groups = "groups:\n- id: langs\n  pivots:\n  - id: python\n  - id: java\n"

  @Test func bookmarksAfterIncludeExpansionAcrossPivots() async throws {
    let result = try await check([
      "en-us/zone-pivot-groups.yml": Self.groups,
      "en-us/page.md": """
      ---
      title: T
      zone_pivot_groups: langs
      ---
      # Page

      [python section](#install-python) [java section](#install-java) [missing](#install-go)

      ::: zone pivot="python"
      [!INCLUDE [p](includes/python.md)]
      ::: zone-end

      ::: zone pivot="java"
      [!INCLUDE [j](includes/java.md)]
      ::: zone-end
      """,
      "en-us/includes/python.md": "## Install Python\n\n[back](#page) and [java](#install-java)\n",
      "en-us/includes/java.md": "## Install Java\n\n[nowhere](#nothing)\n",
    ])
    #expect(
      result.findings(.bookmarkNotFound) == [
        "en-us/includes/java.md:3:1 bookmark '#nothing' not found on en-us/page.md, which includes this file",
        "en-us/page.md:7:65 bookmark '#install-go' not found on this page",
      ])
  }

  @Test func crossPageBookmarksTopTabsQueriesAndEncoding() async throws {
    let result = try await check([
      "en-us/a.md": """
      # A

      [ok](b.md#set-up) [top](#top) [tab](#tab/csharp) [query](b.md?view=x#set-up)
      [encoded](b.md#f%C3%B6rutsättningar) [case](b.md#Set-Up) [bad](b.md#setup)
      [plain file](b.md) [anchor](b.md#legacy)
      """,
      "en-us/b.md": "# B\n\n## Set up\n\n## Förutsättningar\n\n<a name=\"legacy\"></a>\n",
    ])
    let findings = result.all(.bookmarkNotFound)
    #expect(
      findings.map(\.message) == [
        "bookmark '#Set-Up' not found in en-us/b.md", "bookmark '#setup' not found in en-us/b.md",
      ])
    #expect(findings[0].notes == ["did you mean '#set-up'? (bookmarks are case-sensitive)"])
    #expect(findings[1].notes == ["did you mean '#set-up'?"])
  }

  @Test func localizedHeadingsKeepEnglishIds() async throws {
    let result = try await check([
      "en-us/a.md": "# A\n\n## Next steps\n",
      "sv-se/a.md":
        "# A\n\n## <a name=\"next-steps\"></a>Nästa steg\n\n[x](#next-steps) [y](a.md#nästa-steg)\n",
    ])
    #expect(
      result.findings(.bookmarkNotFound) == [
        "sv-se/a.md:5:18 bookmark '#nästa-steg' not found in sv-se/a.md"
      ])
  }

  @Test func linksInsideIncludesResolveFromTheInclude() async throws {
    let result = try await check([
      "en-us/docs/page.md": "# P\n\n[!INCLUDE [x](../includes/x.md)]\n",
      "en-us/includes/x.md": "[sibling](y.md) [page](../docs/page.md#p) [wrong](page.md)\n",
      "en-us/includes/y.md": "# Y\n",
    ])
    #expect(result.findings(.fileNotFound).count == 1)
    #expect(
      result.findings(.fileNotFound).first?.hasPrefix(
        "en-us/includes/x.md:1:43 link target 'page.md'") == true,
      "\(result.findings(.fileNotFound))")
    #expect(result.all(.bookmarkNotFound).isEmpty)
  }
}
