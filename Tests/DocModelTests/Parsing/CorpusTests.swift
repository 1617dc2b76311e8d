import DocModel
import Foundation
import TestSupport
import Testing

/// The real Learn pages in `../shared/corpora/azure-docs-acs`.
@Suite struct CorpusTests {
  static let root = Fixtures.corpora.appendingPathComponent("azure-docs-acs")

  func page(_ path: String) throws -> Page {
    let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent(path)))
    return PageParser.parse(bytes: bytes, path: path)
  }

  @Test func everyCorpusFileParsesWithoutFindingsButTheKnownOne() throws {
    let enumerator = FileManager.default.enumerator(atPath: Self.root.path)
    var parsed = 0
    while let path = enumerator?.nextObject() as? String {
      guard path.hasSuffix(".md") else { continue }
      let page = try page(path)
      parsed += 1
      if path.hasSuffix("ccess-token-azportal.md") {
        // Its front matter repeats `ms.custom` (an upstream quirk).
        #expect(page.diagnostics.map(\.rule) == [.frontMatterInvalid])
        #expect(page.diagnostics.map(\.severity) == [.warning])
      } else {
        #expect(page.diagnostics.isEmpty, "\(path): \(page.diagnostics)")
      }
    }
    #expect(parsed == 28)
  }

  @Test func quickstartZonesAndIncludes() throws {
    let page = try page("en-us/communication-services/quickstarts/access-tokens.md")
    #expect(
      page.frontMatter.string("zone_pivot_groups")
        == "acs-azcli-js-csharp-java-python-portal-nocode")
    #expect(page.zones.count == 7)
    #expect(page.zones.allSatisfy { $0.endLine != nil })
    #expect(page.includes.count == 7)
    #expect(page.includes.allSatisfy { $0.zone != nil && !$0.inline })
    #expect(page.includes.contains { $0.path == "./includes/access-tokens/access-token-az-cli.md" })
  }

  @Test func swedishHeadingsKeepTheEnglishIds() throws {
    let page = try page(
      "sv-se/communication-services/quickstarts/includes/user-access-token-python.md")
    let ids = page.headings.map(\.id)
    #expect(ids.first == "prerequisites")
    #expect(page.headings.first?.text == "Förutsättningar")
    #expect(page.headings.first?.autoId == "förutsättningar")
    #expect(ids.contains("create-an-identity-and-issue-an-access-token-within-the-same-request"))
  }

  @Test func transcriptBlocksAreFound() throws {
    let page = try page(
      "en-us/communication-services/quickstarts/includes/access-tokens/access-token-js.md")
    let transcript = page.codeBlocks.first {
      $0.text.hasPrefix("Azure Communication Services - Access Tokens Quickstart")
    }
    #expect(transcript?.info == "console")
    #expect(transcript?.text.contains("Deleted the identity with ID: 8:acs:") == true)
    #expect(page.comments.contains { $0.text == "-cSpell:disable -" })
  }

  @Test func tabsAndImagesInTheResourcePage() throws {
    let page = try page(
      "en-us/communication-services/quickstarts/includes/access-tokens/access-token-azcli.md")
    #expect(page.tabs.count == 6)
  }
}
