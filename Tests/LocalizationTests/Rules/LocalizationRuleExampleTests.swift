import CheckPipeline
import DocModel
import Localization
import Testing

/// The localization rules of the registry (their examples run in `RuleExampleTests`).
@Suite struct LocalizationRuleExampleTests {
  @Test func everyLocalizationIdOfTheDesignHasARule() {
    let ids = Set(RuleRegistry.localization.map { $0.info.id })
    #expect(
      ids == [.l10nStale, .l10nStructure, .l10nOrphan, .l10nUntranslated, .l10nLocaleMismatch])
    for rule in RuleRegistry.localization {
      #expect(!rule.info.summary.isEmpty && !rule.info.help.isEmpty)
    }
  }
}
