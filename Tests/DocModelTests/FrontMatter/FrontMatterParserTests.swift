import DocModel
import Testing
import Yams

@Suite struct FrontMatterParserTests {
  @Test func readsScalarsSequencesAndLines() throws {
    let page = try fixture("front-matter.md")
    let front = page.frontMatter
    #expect(front.isPresent)
    #expect(front.startLine == 1 && front.endLine == 14)
    #expect(front.string("title") == "Quickstart - Create access tokens")
    #expect(front.string("ms.date") == "10/11/2022")
    #expect(front.string("zone_pivot_groups") == "acs-azcli-js-csharp-java-python")
    #expect(front["ms.custom"] == .sequence([.string("mode-other"), .string("devx-track-python")]))
    #expect(front["count"] == .int(3))
    #expect(front["ratio"] == .double(1.5))
    #expect(front["draft"] == .bool(false))
    #expect(front["empty"] == .null)
    #expect(front.entry("zone_pivot_groups")?.line == 6)
    #expect(page.diagnostics.isEmpty)
    // The body is parsed with the file's own line numbers.
    #expect(page.headings.first?.line == 16)
  }

  @Test func scalarsKeepTheTextAsWritten() {
    let text = """
      ---
      ms.openlocfilehash: 0123456789012345678901234567890123456789
      exponent: 12e3
      quoted: "007"
      empty:
      ---
      # A

      """
    let front = PageParser.parse(bytes: Array(text.utf8), path: "a.md").frontMatter
    // YAML types these as numbers; a reader (and a SHA-1 comparison) wants the digits.
    #expect(front.string("ms.openlocfilehash") == "0123456789012345678901234567890123456789")
    #expect(front.string("exponent") == "12e3")
    #expect(front["exponent"] == .double(12000))
    #expect(front.string("quoted") == "007")
    #expect(front.string("empty") == nil)
  }

  @Test func yamlErrorsCarryTheLineInTheFile() throws {
    let page = try fixture("front-matter-invalid.md")
    #expect(page.frontMatter.entries.isEmpty)
    let findings = page.diagnostics.filter { $0.rule == .frontMatterInvalid }
    #expect(findings.count == 1)
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.message.contains("not valid YAML") == true)
    // The broken scalar opens on line 3; libyaml reports where the scan gave up.
    #expect((3...5).contains(findings.first?.line ?? 0))
  }

  @Test func yamlThatIsNotAMappingIsAFinding() throws {
    let page = try fixture("front-matter-list.md")
    #expect(page.findings(.frontMatterInvalid).count == 1)
    #expect(page.findings(.frontMatterInvalid).first?.contains("sequence") == true)
    #expect(page.headings.map(\.text) == ["Not a mapping"])
  }

  @Test func scalarFrontMatterIsAFinding() {
    let page = parse("---\njust a string\n---\n# Title\n")
    #expect(page.findingLines(.frontMatterInvalid) == [2])
  }

  @Test func unterminatedFrontMatterIsAFindingAndTheBodyIsStillRead() throws {
    let page = try fixture("front-matter-unterminated.md")
    #expect(page.findingLines(.frontMatterInvalid) == [1])
    #expect(!page.frontMatter.isPresent)
    #expect(page.headings.map(\.text) == ["Heading"])
  }

  @Test func duplicateKeysWarnAndKeepTheFirstValue() throws {
    let page = try fixture("front-matter-duplicate.md")
    let findings = page.diagnostics.filter { $0.rule == .frontMatterInvalid }
    #expect(findings.map(\.line) == [5])
    #expect(findings.map(\.severity) == [.warning])
    #expect(page.frontMatter.string("ms.custom") == "first")
    #expect(page.frontMatter.string("ms.topic") == "how-to")
  }

  @Test func byteOrderMarkAndCRLFAreTolerated() {
    let text =
      "\u{FEFF}---\r\ntitle: BOM and CRLF\r\nms.topic: quickstart\r\n---\r\n\r\n# Heading\r\n"
    let page = parse(text)
    #expect(page.diagnostics.isEmpty)
    #expect(page.frontMatter.string("title") == "BOM and CRLF")
    #expect(page.frontMatter.entry("ms.topic")?.line == 3)
    #expect(page.headings.first?.line == 6)
  }

  @Test func emptyFrontMatterIsAnEmptyMapping() {
    let page = parse("---\n---\n# Title\n")
    #expect(page.frontMatter.isPresent)
    #expect(page.frontMatter.entries.isEmpty)
    #expect(page.diagnostics.isEmpty)
  }

  @Test func aThematicBreakLaterInTheFileIsNotFrontMatter() {
    let page = parse("# Title\n\n---\n\ntitle: not front matter\n---\n")
    #expect(!page.frontMatter.isPresent)
    #expect(page.diagnostics.isEmpty)
  }

  @Test func dotsCloseFrontMatter() {
    let page = parse("---\ntitle: Dots\n...\n# Title\n")
    #expect(page.frontMatter.string("title") == "Dots")
    #expect(page.frontMatter.endLine == 3)
  }

  /// Scalars of every kind Yams' default resolver types, and words that only start like one.
  static let scalarSamples = [
    "yes", "Yes", "YES", "no", "No", "on", "ON", "Off", "true", "False", "TRUE", "y", "n",
    "null", "Null", "NULL", "~", "0", "007", "0x1F", "0o17", "0b101", "-12", "+3", "1_000",
    "1:30", "190:20:30", "12e3", "1.5", ".5", "1.", "-1.5e+3", ".inf", "-.Inf", "+.INF", ".nan",
    "2026-11-22", "2026-11-22 10:00:00", "2026-1-2T3:04:05.6Z", "<<", "=", "tchladek",
    "yesterday", "nothing", "offline", "trueish", "Quickstart - x", "06/10/2025", "1.2.3", "-x",
    "+", "off-topic", "on-call", "--", "0xZZ", "09", "yes no", "!!int 3", "!!str 3", "!!bool yes",
    "!!float 1", "\"3\"", "'yes'", "\"\"", "|\n  block", ">\n  folded",
    // Bytes no rule matches (typed as text without asking the rules), and their neighbors.
    "1,000", "12/3", "3%", "1 000", "2026-11-22T10:00:00+01:00", "2026-11-22 10:00:00 -5",
    "2026-11-22\t10:00:00", "0b1_0", "1e", "12\u{00E9}", "\u{0661}\u{0662}", "(1)", "$5",
    // Hexadecimal letters after a digit: text, unless the whole is a `0x` int.
    "3f2a9b1c0d4e5f60718293a4b5c6d7e8f9012345", "0xdeadBEEF", "0x1a_2b", "1d", "12f", "0a",
    "0xg", "1E5", "1e+5", "0B101", "2026-11-22T10:00:00Z", "2026-11-22t10:00:00", "9dead",
    "12Cd", "0o7f",
  ]

  @Test(
    "plain scalars are typed as Yams' default resolver types them",
    arguments: scalarSamples)
  func scalarTypesMatchYamsDefaultResolver(_ sample: String) throws {
    let page = parse("---\nk: \(sample)\n---\n# T\n")
    #expect(page.diagnostics.isEmpty)
    // The oracle: Yams with its default resolver, typed as before the fast path.
    let node = try #require(try Yams.compose(yaml: "k: \(sample)\n")?.mapping?["k"])
    let expected: YAMLValue =
      switch Tag.Name(rawValue: node.tag.rawValue) {
      case .null: .null
      case .bool: node.bool.map(YAMLValue.bool) ?? .string(node.string ?? "")
      case .int: node.int.map(YAMLValue.int) ?? .string(node.string ?? "")
      case .float: node.float.map(YAMLValue.double) ?? .string(node.string ?? "")
      default: .string(node.string ?? "")
      }
    if case .double(let number) = expected, number.isNaN {
      guard case .double(let actual) = page.frontMatter["k"] else {
        Issue.record("\(sample) is not a number: \(String(describing: page.frontMatter["k"]))")
        return
      }
      #expect(actual.isNaN)
    } else {
      #expect(page.frontMatter["k"] == expected, "\(sample)")
    }
  }
}
