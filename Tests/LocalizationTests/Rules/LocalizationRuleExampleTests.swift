import Checks
import DocModel
import Localization
import Testing

/// Every localization rule's own examples: the trigger tree reports it, the passing tree
/// does not.
@Suite struct LocalizationRuleExampleTests {
  @Test(arguments: LocalizationRules.infos.map(\.id.rawValue))
  func examplesBehaveAsDocumented(_ id: String) async throws {
    let info = try #require(LocalizationRules.infos.first { $0.id.rawValue == id })
    let triggered = try await analyze(info.triggers).diagnostics.filter { $0.rule == info.id }
    #expect(!triggered.isEmpty, "\(id) should trigger on its example")
    #expect(triggered.allSatisfy { $0.severity == info.defaultSeverity })
    let clean = try await analyze(info.passes).diagnostics.filter { $0.rule == info.id }
    #expect(clean.isEmpty, "\(id) should not trigger: \(clean)")
  }

  @Test func everyLocalizationIdOfTheDesignHasARule() {
    let ids = Set(LocalizationRules.infos.map(\.id))
    #expect(
      ids == [.l10nStale, .l10nStructure, .l10nOrphan, .l10nUntranslated, .l10nLocaleMismatch])
    #expect(ids.isSubset(of: Rules.knownIDs))
    for info in LocalizationRules.infos {
      #expect(!info.summary.isEmpty && !info.help.isEmpty)
    }
  }
}
