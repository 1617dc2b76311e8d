import DocModel
import Testing

@Suite struct CodeBlockTests {
  @Test func fencedAndIndentedBlocks() throws {
    let page = try fixture("codeblocks.md")
    let blocks = page.codeBlocks
    #expect(
      blocks.map(\.info) == [
        "console", "python title=\"app.py\"", "bash", "", "csharp", "text", "",
      ])
    #expect(blocks.map(\.language) == ["console", "python", "bash", "", "csharp", "text", ""])
    #expect(blocks.map(\.line) == [3, 7, 11, 15, 20, 24, 28])
    #expect(blocks.map(\.endLine) == [5, 9, 13, 17, 22, 26, 30])
    #expect(blocks.map(\.fenced) == [true, true, true, false, true, true, true])
    #expect(blocks[2].fence == "~~~~")
    #expect(blocks[0].text == "Azure Communication Services - Access Tokens Quickstart\n")
    #expect(blocks[3].text == "indented code\nsecond line\n")
    #expect(blocks[4].text == "Console.WriteLine(\"nested\");\n", "list indentation is removed")
    #expect(blocks[5].text == "quoted fence\n")
    #expect(blocks.allSatisfy { $0.closed })
    #expect(page.diagnostics.isEmpty)
  }

  @Test func unclosedFenceAtTheEndIsAWarning() throws {
    let page = try fixture("unclosed-fence.md")
    #expect(page.findingLines(.codeFenceUnclosed) == [5])
    #expect(page.codeBlocks.first?.closed == false)
    #expect(page.headings.map(\.text) == ["Unclosed"], "what follows is code")
    #expect(page.links.isEmpty)
  }

  @Test func fenceClosedOnTheLastLineIsClosed() {
    let page = parse("```\ncode\n```")
    #expect(page.codeBlocks.first?.closed == true)
    #expect(page.diagnostics.isEmpty)
  }
}
