import DocSite
import Localization
import TestSupport
import Testing

/// `../shared/corpora/azure-docs-acs`: its sv-se quickstart translates an older English
/// version, and the findings say exactly how.
@Suite struct CorpusL10nTests {
  static func report() async throws -> (LocalizationReport, Site) {
    let root = Fixtures.corpora.appendingPathComponent("azure-docs-acs").path
    let site = try await Site.load(root: root, knownRules: [])
    return (await LocalizationAnalysis.run(site), site)
  }

  @Test func everySwedishFileHasAStatus() async throws {
    let (report, _) = try await Self.report()
    let translated = report.files.filter { $0.pair.translationPath != nil }
    #expect(translated.count == 7)
    #expect(
      translated.filter { $0.status == .current }.map(\.pair.relativePath) == [
        "communication-services/quickstarts/includes/user-access-token-java.md"
      ])
    #expect(translated.filter { $0.status == .stale }.count == 6)
    #expect(report.files.filter { $0.status == .untranslated }.count == 13)
    #expect(
      !report.diagnostics.contains { $0.rule == .l10nOrphan || $0.rule == .l10nLocaleMismatch })
  }

  @Test func theQuickstartTranslatesAnOlderVersion() async throws {
    let (report, _) = try await Self.report()
    let page = "sv-se/communication-services/quickstarts/access-tokens.md"
    let stale = try #require(report.diagnostics.first { $0.rule == .l10nStale && $0.path == page })
    #expect(stale.line == 13)
    #expect(
      stale.message
        == "ms.openlocfilehash 921934e581d9 is not the SHA-1 of en-us/communication-services/quickstarts/access-tokens.md (now 0db22fb971d0): the source changed after this translation was made"
    )

    let structure = try #require(
      report.diagnostics.first { $0.rule == .l10nStructure && $0.path == page })
    #expect(
      structure.message
        == "structure differs from en-us/communication-services/quickstarts/access-tokens.md: zone_pivot_groups, 3 zones, 7 includes, 1 section, 1 code block, 6 links"
    )
    let notes = structure.notes
    // The pivot group grew: Azure CLI, the portal and no-code pivots came after.
    #expect(
      notes.contains(
        "zone_pivot_groups: sv-se line 12 has 'acs-js-csharp-java-python' where en-us line 13 has 'acs-azcli-js-csharp-java-python-portal-nocode'"
      ))
    #expect(
      notes.contains(
        "zone: en-us line 23 has '::: zone pivot=\"platform-azcli\"', missing from the translation (expected before sv-se line 26)"
      ))
    #expect(
      notes.contains(
        "zone: en-us line 42 has '::: zone pivot=\"platform-azportal\"', missing from the translation (expected after sv-se line 38)"
      ))
    #expect(
      notes.contains(
        "zone: en-us line 45 has '::: zone pivot=\"platform-nocode\"', missing from the translation (expected after sv-se line 38)"
      ))
    // Each language's include moved from includes/user-access-token-X to includes/access-tokens/access-token-X.
    for (sv, en, language) in [
      (27, 28, "net"), (31, 32, "js"), (35, 36, "python"), (39, 40, "java"),
    ] {
      #expect(
        notes.contains(
          "include: sv-se line \(sv) has './includes/user-access-token-\(language).md' where en-us line \(en) has './includes/access-tokens/access-token-\(language).md'"
        ))
    }
    #expect(
      notes.contains(
        "section: en-us line 49 has '## Use identity for monitoring and metrics {#use-identity-for-monitoring-and-metrics}', missing from the translation (expected after sv-se line 20)"
      ))
    #expect(
      notes.contains(
        "code block: sv-se line 44 has '```console (10 lines)', not in the source (the en-us file has no code blocks)"
      ))
    #expect(notes.count == 19)
  }

  @Test func theSwedishPythonIncludeUsesTheOldSDK() async throws {
    let (report, _) = try await Self.report()
    let structure = try #require(
      report.diagnostics.first {
        $0.rule == .l10nStructure
          && $0.path
            == "sv-se/communication-services/quickstarts/includes/user-access-token-python.md"
      })
    #expect(
      structure.notes.contains(
        "code block: sv-se line 92 has '```python (5 lines)' where en-us line 81 has '```python (5 lines)'; first difference on line 2 of the block: 'token_result = client.get_token(identity, [\"voip\"])' instead of 'token_result = client.issue_token(user, [\"voip\"])'"
      ))
  }
}
