import DocModel
import Testing

@Suite struct IncludeTests {
  @Test func blockAndInlineFormsDocFXAccepts() throws {
    let page = try fixture("includes.md")
    #expect(
      page.includes.map(\.path) == [
        "includes/prerequisites.md", "includes/no-space.md", "includes/angle.md",
        "includes/plus.md", "includes/indented.md", "includes/escaped.md",
        "includes/inline.md", "includes/dash.md", "~/includes/root.md",
      ])
    #expect(
      page.includes.map(\.inline) == [false, false, false, false, false, false, true, true, true])
    #expect(page.includes[5].title == "Escaped ] bracket")
    #expect(page.includes[6].line == 15 && page.includes[6].column == 27)
  }

  @Test func includesInCodeAreNotIncludes() throws {
    let page = try fixture("includes.md")
    let paths = Set(page.includes.map(\.path))
    #expect(!paths.contains("includes/code-span.md"))
    #expect(!paths.contains("includes/fenced.md"))
    #expect(!paths.contains("includes/indented-code.md"))
  }

  @Test func anIncludePathIsNotALink() throws {
    let page = try fixture("includes.md")
    #expect(!page.links.contains { $0.target.hasPrefix("includes/") })
  }

  @Test func malformedIncludeIsAFinding() throws {
    let page = try fixture("includes.md")
    #expect(page.findingLines(.includeInvalid) == [27])
  }

  @Test func caseVariants() {
    for directive in ["[!INCLUDE", "[!include", "[!Include", "[!iNcLuDe"] {
      let page = parse("\(directive) [t](x.md)]\n")
      #expect(page.includes.map(\.path) == ["x.md"], "\(directive)")
    }
  }

  @Test func includeWithTrailingTextIsInline() {
    let page = parse("[!INCLUDE [t](x.md)] and more\n")
    #expect(page.includes.map(\.inline) == [true])
  }
}
