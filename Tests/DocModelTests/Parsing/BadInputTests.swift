import DocModel
import Testing

/// Whatever the file holds, parsing returns a page: problems are findings, never crashes.
@Suite struct BadInputTests {
  @Test func emptyFile() {
    let page = parse("")
    #expect(page.lineCount == 0)
    #expect(page.diagnostics.isEmpty)
    #expect(page.headings.isEmpty)
  }

  @Test func binaryFileIsOneFinding() {
    let bytes: [UInt8] =
      [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 64)
    let page = PageParser.parse(bytes: bytes, path: "program.md")
    #expect(page.diagnostics.map(\.rule) == [.invalidEncoding])
    #expect(page.diagnostics.first?.message.contains("binary") == true)
    #expect(page.headings.isEmpty && page.links.isEmpty)
    #expect(page.isBinary)
  }

  @Test func invalidUTF8IsAFindingAndTheRestIsParsed() {
    let bytes =
      Array("# Title\n\nSome \u{00E9}".utf8) + [0xFF, 0xFE] + Array(" [link](x.md)\n".utf8)
    let page = PageParser.parse(bytes: bytes, path: "latin1.md")
    #expect(page.findingLines(.invalidEncoding) == [3])
    #expect(page.headings.map(\.text) == ["Title"])
    #expect(page.links.map(\.target) == ["x.md"])
    #expect(!page.isBinary)
  }

  @Test func crlfAndMixedLineEndingsKeepLineNumbers() {
    let text =
      "# One\r\n\r\n## Two\n\n## Three\r\rText [x](x.md)\n::: zone pivot=\"a\"\r\n::: zone-end\r"
    let page = parse(text)
    #expect(page.headings.map(\.line) == [1, 3, 5])
    #expect(page.links.map(\.line) == [7])
    #expect(page.zones.map(\.line) == [8])
    #expect(page.zones.map(\.endLine) == [9])
    #expect(page.diagnostics.isEmpty)
  }

  @Test func largeFileParses() {
    // 20 MB of realistic content: headings, links, zones, code.
    var text = ""
    let section = """
      ## Section

      Text with a [link](page.md#anchor) and `code` and an <a name="a"></a> anchor.

      ::: zone pivot="programming-language-python"

      ```python
      print("hello")
      ```

      ::: zone-end


      """
    let copies = 20_000_000 / section.utf8.count + 1
    text.reserveCapacity(copies * section.utf8.count)
    for _ in 0..<copies { text += section }
    let page = parse(text)
    #expect(page.headings.count == copies)
    #expect(page.headings.last?.id == "section-\(copies - 1)")
    #expect(page.zones.count == copies)
    #expect(page.links.count == copies)
    #expect(page.codeBlocks.count == copies)
    #expect(page.diagnostics.isEmpty)
  }

  @Test func deeplyNestedStructuresDoNotOverflowTheStack() {
    let quotes = String(repeating: ">", count: 10_000) + " deep\n"
    let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(
      separator: "\n")
    let brackets =
      String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000)
    let html = String(repeating: "<div>", count: 20_000) + "<a id=\"deep\"></a>\n"
    for text in [quotes, lists, brackets, html] {
      let page = parse(text)
      #expect(page.lineCount >= 1)
    }
  }

  @Test func zoneWithSingleQuotesIsAFinding() {
    let page = parse("::: zone pivot='x'\n")
    #expect(page.findingLines(.invalidZone) == [1])
  }

  @Test func lonelyDirectivePrefixes() {
    for text in [
      ":::", "::: ", ":::zone", "[!", "[!INCLUDE", "[!code-", "> [!", "> [!div",
      "::: zone pivot=\"",
    ] {
      let page = parse(text)
      #expect(page.lineCount == 1, "\(text)")
    }
  }
}
