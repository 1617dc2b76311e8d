import Checks
import DocModel
import Testing

/// Every rule's own examples: the trigger tree reports the rule, the passing tree does not.
@Suite struct RuleExampleTests {
  static let rules = Rules.all.map { $0.info }

  @Test(arguments: rules.map(\.id.rawValue))
  func examplesBehaveAsDocumented(_ id: String) async throws {
    let info = try #require(Rules.info(for: RuleID(id)))
    if !info.triggers.isEmpty {
      // An opt-in rule reports nothing until docproof.yml gives it a severity.
      var triggers = info.triggers
      if !info.enabledByDefault {
        let silent = try await check(triggers, requireFrontMatter: true)
        #expect(silent.all(info.id).isEmpty, "\(id) is opt-in: \(silent.all(info.id))")
        triggers["docproof.yml"] = "rules:\n  \(id): \(info.defaultSeverity)\n"
      }
      let result = try await check(triggers, requireFrontMatter: true)
      #expect(
        !result.all(info.id).isEmpty, "\(id) should trigger on its example: \(result.diagnostics)")
      #expect(result.all(info.id).allSatisfy { $0.severity == info.defaultSeverity })
    }
    let clean = try await check(info.passes, requireFrontMatter: true)
    #expect(clean.all(info.id).isEmpty, "\(id) should not trigger: \(clean.all(info.id))")
  }

  @Test func everyRuleIsDescribed() {
    for info in Self.rules {
      #expect(!info.summary.isEmpty && !info.help.isEmpty, "\(info.id)")
      #expect(!info.passes.isEmpty, "\(info.id) needs a passing example")
    }
    #expect(Set(Self.rules.map(\.id)).count == Self.rules.count, "rule ids are unique")
  }

  @Test func designRuleIdsAreAllKnown() {
    let design: [RuleID] = [
      "invalid-zone", "zone-pivot-group-missing", "pivot-group-not-found", "pivot-id-not-found",
      "pivot-id-unused", "include-not-found", "include-invalid", "circular-reference",
      "file-not-found", "bookmark-not-found", "codesnippet-not-found", "invalid-image",
      "front-matter-invalid", "front-matter-missing-field", "path-outside-root",
      "external-link-broken",
    ]
    for id in design { #expect(Rules.info(for: id) != nil, "\(id)") }
  }

  @Test func aBinaryFileIsOneFindingOnly() async throws {
    let result = try await check(
      ["en-us/image.md": "\u{89}PNG\r\n\u{1A}\n\0\0\0"], requireFrontMatter: true)
    #expect(result.rules == [.invalidEncoding])
  }
}

/// Front matter the parser refused is one finding, not also every required field missing.
@Suite struct RefusedFrontMatterTests {
  @Test func aRefusedFrontMatterIsNotAlsoMissingEveryField() async throws {
    let result = try await check(
      ["en-us/page.md": "---\ntitle: [unclosed\n---\n# T\n"], requireFrontMatter: true)
    #expect(result.rules == [.frontMatterInvalid])
  }
}
