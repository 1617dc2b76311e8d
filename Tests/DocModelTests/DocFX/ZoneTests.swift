import TestSupport
import Testing

@testable import DocModel

@Suite struct ZoneTests {
  @Test func validZonesWithPivotsAndTargets() throws {
    let page = try fixture("zones-valid.md")
    #expect(page.diagnostics.isEmpty)
    #expect(
      page.zones.map(\.pivots) == [
        ["platform-web"], ["platform-ios", "platform-android"], [], ["platform-web"],
        ["platform-ios"],
      ])
    #expect(page.zones.map(\.target) == [nil, nil, "docs", "chromeless", nil])
    #expect(page.zones.map(\.line) == [8, 16, 20, 24, 28])
    #expect(page.zones.map(\.endLine) == [14, 18, 22, 26, 30])
    #expect(page.zones[2].column == 4, "three spaces of indentation are allowed")
    #expect(page.zones[0].pivotColumn == 17)
  }

  @Test func contentKnowsItsZone() throws {
    let page = try fixture("zones-valid.md")
    #expect(page.includes.map(\.zone) == [0])
    #expect(page.headings.first { $0.text == "Web heading" }?.zone == 0)
    #expect(page.headings.first { $0.text == "Zones" }?.zone == nil)
  }

  @Test func zonesInsideCodeAreNotZones() throws {
    let page = try fixture("zones-valid.md")
    #expect(!page.zones.contains { $0.pivots.contains("indented-code") })
    #expect(page.codeBlocks.count == 2)
  }

  @Test func everyDocFXValidationIsReported() throws {
    let page = try fixture("zones-invalid.md")
    let findings = page.findings(.invalidZone)
    #expect(
      findings == [
        "3:16 Invalid attribute \"pivot\". Values must be enclosed in double quotes.",
        "6:16 Invalid attribute \"pivot\". Values must be enclosed in double quotes.",
        "9:16 Invalid attribute \"pivot\". Values must be terminated with a double quote.",
        "12:25 Attribute \"pivot\" specified multiple times.",
        "15:17 Invalid pivot \"Upper_Case\". Pivot must be a comma-delimited list of pivot "
          + "names. Pivot names must be lower-case and contain only letters, numbers or dashes.",
        "18:18 Unexpected attribute \"colour\".",
        "21:18 Unexpected target \"print\". Permitted targets are \"docs\", \"chromeless\" or "
          + "\"pdf\".",
        "24:1 Pivot not permitted on pdf target.",
        "27:1 Either target or pivot must be specified.",
        "31:1 Zones cannot be nested.",
        "34:1 '::: zone-end' without an open zone: DocFX renders it as text on the page",
        "37:14 Invalid zone on line 36. \"::: zone-end and some text\" is invalid. Invalid "
          + "character after \"::: zone-end\": \"a\"",
      ])
    let trailing = page.diagnostics.first { $0.line == 37 }
    #expect(trailing?.severity == .warning)
    // The zone with trailing text is still closed.
    #expect(page.zones.last?.endLine == 37)
  }

  @Test func unclosedZoneIsReportedAtItsStart() throws {
    let page = try fixture("zones-unclosed.md")
    #expect(page.findingLines(.invalidZone) == [3])
    #expect(page.zones.first?.endLine == nil)
  }

  @Test func singleQuotedPivotIsInvalid() {
    let page = parse("::: zone pivot='x'\ntext\n::: zone-end\n")
    #expect(
      page.findings(.invalidZone) == [
        "1:16 Invalid attribute \"pivot\". Values must be enclosed in double quotes."
      ])
  }

  @Test(arguments: ["a", "a,b", " a , b ", "programming-language-csharp", "x1-y2"])
  func validPivotLists(_ value: String) {
    let page = parse("::: zone pivot=\"\(value)\"\n::: zone-end\n")
    #expect(page.diagnostics.isEmpty)
  }

  @Test(arguments: ["", "A", "a,,b", "a_b", "a b", "a;b", "ä"])
  func invalidPivotLists(_ value: String) {
    let page = parse("::: zone pivot=\"\(value)\"\n::: zone-end\n")
    #expect(page.findingLines(.invalidZone) == [1])
  }

  /// The pivot-list check, byte by byte, against its definition: split at commas, each part
  /// trimmed of spaces is non-empty and only lower-case letters, digits and dashes.
  @Test func pivotListsAreJudgedAsDefined() {
    func defined(_ value: String) -> Bool {
      value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
        let name = part.trimmingSpaces()
        return !name.isEmpty
          && name.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-")
          }
      }
    }
    var random = SplitMix64(seed: 0x5EED_2026)
    let alphabet = Array("az09-, \tA_ä")
    for _ in 0..<3000 {
      let value = random.text(random.next(below: 9), from: alphabet)
      #expect(
        DirectiveScanner.isValidPivotList(value) == defined(value), "\(value.debugDescription)")
    }
  }

  @Test func zonesInsideListItemsAreZones() {
    let page = parse(
      """
      1. Step one

         ::: zone pivot="a"
         Inside.
         ::: zone-end
      """)
    #expect(page.zones.map(\.pivots) == [["a"]])
    #expect(page.diagnostics.isEmpty)
  }

  @Test func fourSpacesAfterAParagraphIsNotAZone() {
    let page = parse("Text\n    ::: zone pivot=\"a\"\n")
    #expect(page.zones.isEmpty)
  }
}
