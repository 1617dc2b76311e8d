import DocSite
import Testing

/// docfx.json globs as the Learn build matches them (GlobExpressions, full-path match).
@Suite struct DocfxGlobTests {
  @Test func doubleStarCrossesFoldersIncludingNone() {
    let glob = DocfxGlob("**/*.md")
    #expect(glob.matches("page.md"))
    #expect(glob.matches("aks/learn/page.md"))
    #expect(!glob.matches("aks/page.yml"))
  }

  @Test func aPatternWithoutSlashMatchesOnlyAtTheTop() {
    let glob = DocfxGlob("*.md")
    #expect(glob.matches("page.md"))
    #expect(!glob.matches("aks/page.md"))
    #expect(DocfxGlob("toc.yml").matches("toc.yml"))
    #expect(!DocfxGlob("toc.yml").matches("aks/toc.yml"))
  }

  @Test func caseIsIgnoredAsTheBuildsCheckoutIgnoresIt() {
    #expect(DocfxGlob("**/*.png").matches("media/Diagram.PNG"))
    #expect(DocfxGlob("**/includes/**").matches("aks/Includes/x.md"))
  }

  @Test func dotSegmentsNeverMatch() {
    #expect(!DocfxGlob("**").matches(".github/x.md"))
    #expect(!DocfxGlob("**/*.md").matches("aks/.attachments/x.md"))
    #expect(!DocfxGlob(".attachments/**").matches(".attachments/x.md"))
  }

  @Test func shorthandsAreRewrittenAsTheBuildRewritesThem() {
    #expect(DocfxGlob("**.md").matches("a/b/c.md"))
    #expect(DocfxGlob("a/**/*").matches("a/x"))
    #expect(DocfxGlob("a/**/*").matches("a/b/c"))
    #expect(DocfxGlob("****/*.md").matches("a/b.md"))
    #expect(DocfxGlob("./docs/*.md").matches("docs/a.md"))
  }

  @Test func bracesClassesAndQuestionMarks() {
    let glob = DocfxGlob("**/*.{md,yml}")
    #expect(glob.matches("a/b.md") && glob.matches("b.yml") && !glob.matches("b.json"))
    #expect(DocfxGlob("{a,b{c,d}}/x.md").matches("bd/x.md"))
    #expect(!DocfxGlob("{a,b{c,d}}/x.md").matches("b/x.md"))
    #expect(DocfxGlob("page-[0-9].md").matches("page-7.md"))
    #expect(!DocfxGlob("page-[!0-9].md").matches("page-7.md"))
    #expect(DocfxGlob("page-?.md").matches("page-x.md"))
    #expect(!DocfxGlob("page-?.md").matches("page-xy.md"))
    // An unclosed class is a plain `[`.
    #expect(DocfxGlob("a[b.md").matches("a[b.md"))
  }

  @Test func starBacktracksWithinASegmentOnly() {
    #expect(DocfxGlob("*-overview.md").matches("aks-network-overview.md"))
    #expect(!DocfxGlob("a*/x.md").matches("a/b/x.md"))
  }
}
