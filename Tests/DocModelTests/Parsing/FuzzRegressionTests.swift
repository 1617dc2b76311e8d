import DocModel
import Foundation
import TestSupport
import Testing

/// Inputs that broke the page parser, kept in `Tests/Fixtures/fuzz/regressions/`: found by
/// the page-parser fuzzer (`Fuzz/run.sh page-parser`) or while reviewing the paths it
/// reached. Each parses to a page whose positions all lie inside the file and which encodes
/// as JSON, and one test per bug checks the property it broke. Inputs that once took
/// quadratic time or exhausted memory are checked for their results only: timing belongs
/// to the benchmarks.
@Suite struct FuzzRegressionTests {
  static let folder = Fixtures.url("fuzz/regressions")

  /// The page regression inputs, by file name (the folders beside them hold other targets').
  static let inputs: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".md") }.sorted()

  func regression(_ name: String) throws -> Page {
    PageParser.parse(
      bytes: try Fixtures.bytes("fuzz/regressions/\(name)"), path: "regressions/\(name)")
  }

  @Test func theFolderHoldsInputs() {
    #expect(!Self.inputs.isEmpty)
  }

  @Test(arguments: inputs)
  func parsesToAConsistentPage(_ name: String) throws {
    let page = try regression(name)
    #expect(page.path == "regressions/\(name)")
    #expect(page.problems.isEmpty, "\(name): \(page.problems)")
    let json = try page.dumpJSON()
    #expect(json.hasSuffix("\n"))
  }

  /// A comment left open at the end of the file ends on the file's last line, not after it.
  @Test func unclosedCommentEndsOnTheLastLine() throws {
    let page = try regression("unclosed-comment-end-line.md")
    #expect(page.lineCount == 1)
    #expect(page.comments.map { "\($0.line)-\($0.endLine)" } == ["1-1"])
    let multiLine = parse("text\n\n<!-- open\nstill open\n")
    #expect(multiLine.comments.map { "\($0.line)-\($0.endLine)" } == ["3-4"])
  }

  /// An element whose tag libxml2 finishes only at the end of the fragment (an attribute
  /// value never closed) keeps a line inside the HTML block.
  @Test func anchorInAnUnterminatedTagStaysInsideTheBlock() throws {
    let page = try regression("unterminated-attribute-anchor-line.md")
    #expect(page.lineCount == 1)
    #expect(page.anchors.map(\.line) == [1])
    let later = parse("# Title\n\n<dt id=\"x")
    #expect(later.anchors.map(\.line) == [3])
  }

  /// Aliases of aliases ("billion laughs") in front matter are a finding, not billions of
  /// values: 367 bytes once exhausted memory.
  @Test func frontMatterAliasExpansionIsBounded() throws {
    let page = try regression("yaml-alias-expansion.md")
    #expect(page.frontMatter.entries.isEmpty)
    #expect(page.diagnostics.map(\.rule) == [.frontMatterInvalid])
    #expect(page.diagnostics.first?.message.contains("aliases") == true)
    let small = parse("---\nbase: &x [a, b]\ncopy: *x\n---\n# T\n")
    #expect(small.diagnostics.isEmpty)
    #expect(small.frontMatter["copy"] == .sequence([.string("a"), .string("b")]))
  }

  /// libyaml breaks lines at NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR; the
  /// page does not. A NEL in a title put a YAML error past the front matter's end (found
  /// by the front-matter fuzzer).
  @Test func frontMatterLinesIgnoreUnicodeLineSeparators() throws {
    let page = try regression("front-matter-next-line-character.md")
    let end = try #require(page.frontMatter.endLine)
    for diagnostic in page.diagnostics where diagnostic.rule == .frontMatterInvalid {
      #expect(diagnostic.line <= end, "\(diagnostic.line): \(diagnostic.message)")
    }
    for separator in ["\u{85}", "\u{2028}", "\u{2029}"] {
      let page = parse("---\ntitle: a\(separator)b\nbad: [\n---\n# T\n")
      #expect(page.frontMatter.endLine == 4)
      #expect(page.diagnostics.map(\.rule) == [.frontMatterInvalid])
      // The unclosed `[` is reported where the YAML ends: the closing line, 4.
      #expect(page.diagnostics.map(\.line) == [4], "\(page.diagnostics)")
    }
    let kept = parse("---\ntitle: a\u{2028}b\nms.topic: x\n---\n")
    #expect(kept.frontMatter.string("title") == "a b")
    #expect(kept.frontMatter.entry("ms.topic")?.line == 3)
  }

  /// Directives inside many code spans on one line are skipped in one pass (it was quadratic),
  /// and the directive after them is still found.
  @Test func manyCodeSpansOnOneLine() throws {
    let page = try regression("many-code-spans-one-line.md")
    #expect(page.includes.map(\.path) == ["real.md"])
    #expect(page.diagnostics.isEmpty)
    let mixed = parse(
      "`[!INCLUDE [a](a.md)]` [!INCLUDE [b](b.md)] `x` [!INCLUDE [c](c.md)] `y`\n")
    #expect(mixed.includes.map(\.path) == ["b.md", "c.md"])
  }

  /// A `:::image` with thousands of attributes is judged in linear time (the duplicate check
  /// was quadratic); duplicates are still reported.
  @Test func manyAttributesOnOneLine() throws {
    let page = try regression("many-attributes-one-line.md")
    #expect(page.diagnostics.map(\.rule) == [.invalidImage])
    #expect(page.diagnostics.first?.message.contains("Unexpected attribute: 'a0'") == true)
    let duplicate = parse(":::image source=\"a.png\" alt-text=\"a\" source=\"b.png\":::\n")
    #expect(duplicate.findings(.invalidImage).count == 1)
    #expect(
      duplicate.findings(.invalidImage).first?.contains("\"source\" specified multiple times")
        == true)
    // Past sixteen attributes the names seen go into a set: a repeat of an early one, of the
    // one read as the set was made, and of a later one are still found.
    let many = (0..<20).map { "a\($0)=\"x\"" }.joined(separator: " ")
    for repeated in ["a0", "a16", "a18"] {
      let page = parse(":::image \(many) \(repeated)=\"y\":::\n")
      #expect(
        page.findings(.invalidImage).first?.contains("\"\(repeated)\" specified multiple times")
          == true, "\(repeated)")
    }
  }

  /// Thousands of inline includes and links on one line: include paths are not links, the
  /// other links are, found in linear time (matching links to directives was quadratic).
  @Test func manyIncludesAndLinksOnOneLine() throws {
    let page = try regression("many-include-links-one-line.md")
    #expect(page.includes.count == 2000)
    #expect(page.includes.allSatisfy { $0.path == "b.md" && $0.inline })
    #expect(page.links.count == 2000)
    #expect(page.links.allSatisfy { $0.target == "y" })
  }
}

extension Page {
  /// The page's broken promises, as the fuzzer checks them: a position outside the file,
  /// an end before its start, or a zone index that names no zone.
  var problems: [String] {
    let lastLine = max(lineCount, 1)
    var found: [String] = []
    func check(_ what: String, line: Int, column: Int = 1, endLine: Int? = nil, zone: Int? = nil) {
      if !(1...lastLine).contains(line) { found.append("\(what): line \(line) of \(lastLine)") }
      if column < 1 { found.append("\(what): column \(column)") }
      if let endLine, !(line...lastLine).contains(endLine) {
        found.append("\(what): end line \(endLine) for lines \(line)...\(lastLine)")
      }
      if let zone, !zones.indices.contains(zone) { found.append("\(what): no zone \(zone)") }
    }
    for zone in zones { check("zone", line: zone.line, column: zone.column, endLine: zone.endLine) }
    for include in includes {
      check("include", line: include.line, column: include.column, zone: include.zone)
    }
    for heading in headings {
      check("heading", line: heading.line, column: heading.column, zone: heading.zone)
    }
    for link in links { check("link", line: link.line, column: link.column, zone: link.zone) }
    for anchor in anchors {
      check("anchor", line: anchor.line, column: anchor.column, zone: anchor.zone)
    }
    for block in codeBlocks {
      check("code block", line: block.line, endLine: block.endLine, zone: block.zone)
    }
    for comment in comments {
      check("comment", line: comment.line, column: comment.column, endLine: comment.endLine)
    }
    for image in images {
      check(
        "image", line: image.line, column: image.column, endLine: image.endLine, zone: image.zone)
    }
    for reference in codeReferences {
      check("code reference", line: reference.line, column: reference.column, zone: reference.zone)
    }
    for alert in alerts { check("alert", line: alert.line, column: alert.column) }
    for section in sections { check("section", line: section.line, column: section.column) }
    for video in videos { check("video", line: video.line, column: video.column) }
    for tab in tabs { check("tab", line: tab.line, column: tab.column) }
    for diagnostic in diagnostics {
      check("\(diagnostic.rule)", line: diagnostic.line, column: diagnostic.column)
    }
    return found
  }
}
