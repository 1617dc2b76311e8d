import DocSite
import TestSupport
import Testing

@Suite struct LinkResolverTests {
  @Test func targets() async throws {
    let tree = try TemporaryTree([
      "docproof.yml": "links:\n  siteRoots:\n    /azure/: en-us\n",
      "en-us/a/page.md": "# P\n", "en-us/a/b.md": "# B\n", "en-us/guide/index.md": "# G\n",
      "en-us/media/x.png": "", "en-us/with space.md": "# S\n",
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    let links = LinkResolver(site: site)
    let from = "en-us/a/page.md"
    #expect(links.resolve("https://example.com", from: from) == .external("https://example.com"))
    #expect(links.resolve("//cdn.example.com/x", from: from) == .external("//cdn.example.com/x"))
    #expect(links.resolve("mailto:x@example.com", from: from) == .external("mailto:x@example.com"))
    #expect(links.resolve("xref:System.String", from: from) == .unchecked)
    #expect(links.resolve("#tab/csharp", from: from) == .tab)
    #expect(links.resolve("#f%C3%B6r", from: from) == .bookmark("för"))
    #expect(
      links.resolve("b.md?view=x#part", from: from) == .file("en-us/a/b.md", fragment: "part"))
    #expect(links.resolve("b", from: from) == .file("en-us/a/b.md", fragment: nil))
    #expect(
      links.resolve("../with%20space.md", from: from) == .file("en-us/with space.md", fragment: nil)
    )
    #expect(links.resolve("~/media/x.png", from: from) == .file("en-us/media/x.png", fragment: nil))
    #expect(links.resolve("/azure/a/b", from: from) == .file("en-us/a/b.md", fragment: nil))
    #expect(links.resolve("/dotnet/x", from: from) == .unchecked)
    #expect(
      links.resolve("../guide/", from: from)
        == .directory("en-us/guide", index: "en-us/guide/index.md", fragment: nil))
    #expect(
      links.resolve("missing.md", from: from) == .missing("en-us/a/missing.md", fragment: nil))
    #expect(links.resolve("../../../out.md", from: from) == .outsideRoot("../../../out.md"))
    #expect(links.resolve("bad%zz.md", from: from) == .malformed("bad%zz.md"))
    // Schemes per RFC 3986, read as bytes; a drive letter or a word with a colon is a path.
    #expect(links.resolve("XREF:System.String", from: from) == .unchecked)
    #expect(
      links.resolve("ms-windows-store://pdp", from: from) == .external("ms-windows-store://pdp"))
    #expect(links.resolve("c:b.md", from: from) == .missing("en-us/a/c:b.md", fragment: nil))
    #expect(links.resolve("9p:x", from: from) == .missing("en-us/a/9p:x", fragment: nil))
    #expect(links.resolve("fö:x", from: from) == .missing("en-us/a/fö:x", fragment: nil))
    #expect(links.resolve(" \r\nb.md#x\r\n", from: from) == .file("en-us/a/b.md", fragment: "x"))
  }
}
