import DocSite
import TestSupport
import Testing

@Suite struct BookmarkIndexTests {
  /// `contains` scans small pages and falls back to the set past the scan limit: both
  /// answer as the set does, for ids on the page, in its includes, and nowhere.
  @Test func containsAnswersAsTheSetDoes() async throws {
    let many = (1...80).map { "## Part \($0)\n" }.joined(separator: "\n")
    let tree = try TemporaryTree([
      "en-us/page.md": "# Page\n\n<a name=\"anchor\"></a>\n\n[!INCLUDE [x](parts/x.md)]\n",
      "en-us/parts/x.md": "## In the include\n\n[!INCLUDE [y](y.md)]\n",
      "en-us/parts/y.md": "## Deeper\n",
      "en-us/big.md": "# Big\n\n\(many)\n[!INCLUDE [y](parts/y.md)]\n",
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    let index = BookmarkIndex(site: site)
    let asked = [
      "page", "anchor", "in-the-include", "deeper", "top", "part-1", "part-80", "part-81",
      "Page", "nowhere", "",
    ]
    for file in ["en-us/page.md", "en-us/parts/x.md", "en-us/big.md", "en-us/missing.md"] {
      let ids = index.bookmarks(of: file)
      for id in asked {
        #expect(index.contains(id, on: file) == ids.contains(id), "\(id) on \(file)")
      }
    }
    #expect(index.contains("deeper", on: "en-us/page.md"))
    #expect(index.contains("deeper", on: "en-us/parts/x.md"))
    #expect(!index.contains("page", on: "en-us/parts/x.md"))
    #expect(index.contains("part-80", on: "en-us/big.md"))
    #expect(index.contains("deeper", on: "en-us/big.md"))
    #expect(!index.contains("part-81", on: "en-us/big.md"))
    #expect(index.contains("top", on: "en-us/missing.md"))
    #expect(!index.contains("page", on: "en-us/missing.md"))
  }
}
