import Localization
import Testing

/// A localized tab heading (with DocFX's heading anchor) is the source's tab, not a section.
@Suite struct TabStructureTests {
  @Test func aTranslatedTabHeadingIsNoStructureDifference() async throws {
    let report = try await analyze([
      "en-us/a.md": "# A\n\n#### [Windows](#tab/windows)\n\nRun it.\n\n---\n",
      "sv-se/a.md":
        "# A\n\n#### <a name=\"windows\"></a>[Windows](#tab/windows)\n\nKör det.\n\n---\n",
    ])
    #expect(
      report.files.first { $0.pair.translationPath == "sv-se/a.md" }?.differences.isEmpty == true)
  }
}
