import DocModel
import Localization
import Testing

/// Mapping translations to sources and what each rule says about them.
@Suite struct LocalizationAnalysisTests {
  static let source = "---\ntitle: A\n---\n# Install\n\nRun [setup](b.md#run).\n"
  static let hash = SourceHash.openLocFileHash(of: Array(source.utf8))

  @Test func mapsEveryFileOfEveryLocaleToItsSource() async throws {
    let report = try await analyze([
      "en-us/a.md": Self.source,
      "en-us/b.md": "# B\n\n## Run\n",
      "en-us/includes/i.md": "Shared.\n",
      "sv-se/a.md":
        "---\nms.openlocfilehash: \(Self.hash)\n---\n# <a name=\"install\"></a>Installera\n\nKör [setup](b.md#run).\n",
      "sv-se/gone.md": "# Borta\n",
      "de-de/b.md": "# B\n\n## <a name=\"run\"></a>Ausführen\n",
    ])
    #expect(report.locales == ["de-de", "sv-se"])
    let rows = report.files.map { "\($0.pair.locale) \($0.pair.relativePath) \($0.status)" }
    #expect(
      rows == [
        "de-de a.md untranslated", "de-de b.md unverified", "de-de includes/i.md untranslated",
        "sv-se a.md current", "sv-se b.md untranslated", "sv-se gone.md orphan",
        "sv-se includes/i.md untranslated",
      ])
    let untranslated = report.diagnostics.filter { $0.rule == .l10nUntranslated }
    #expect(
      untranslated.map(\.message).sorted() == [
        "include not translated into de-de: de-de/includes/i.md does not exist",
        "include not translated into sv-se: sv-se/includes/i.md does not exist",
        "page not translated into de-de: de-de/a.md does not exist",
        "page not translated into sv-se: sv-se/b.md does not exist",
      ])
    #expect(untranslated.allSatisfy { $0.path.hasPrefix("en-us/") && $0.severity == .info })
    let orphan = try #require(report.diagnostics.first { $0.rule == .l10nOrphan })
    #expect(orphan.path == "sv-se/gone.md")
    #expect(orphan.message == "no source: en-us/gone.md does not exist")
  }

  @Test func anOrphanSuggestsTheSourceItWasProbablyRenamedFrom() async throws {
    let report = try await analyze([
      "en-us/quickstarts/access-tokens.md": "# A\n",
      "sv-se/quickstarts/access-token.md": "# A\n",
    ])
    let orphan = try #require(report.diagnostics.first { $0.rule == .l10nOrphan })
    #expect(orphan.notes == ["did you mean the translation of en-us/quickstarts/access-tokens.md?"])
  }

  @Test func selectedLocalesOnly() async throws {
    let report = try await analyze(
      ["en-us/a.md": "# A\n", "sv-se/a.md": "# A\n", "de-de/x.md": "# X\n"], locales: ["sv-se"])
    #expect(report.locales == ["sv-se"])
    #expect(Set(report.files.map(\.pair.locale)) == ["sv-se"])
    #expect(!report.diagnostics.contains { $0.rule == .l10nOrphan })
  }

  @Test func contentLocaleIsComparedWithTheFolderIgnoringCase() async throws {
    let report = try await analyze([
      "en-us/a.md": "---\nms.contentlocale: en-us\n---\n# A\n",
      "en-us/b.md": "---\ntitle: B\nms.contentlocale: fr-fr\n---\n# B\n",
      "sv-se/a.md": "---\nms.contentlocale: sv-SE\n---\n# A\n",
      "sv-se/b.md": "---\nms.contentlocale: de-de\n---\n# B\n",
    ])
    let mismatches = report.diagnostics.filter { $0.rule == .l10nLocaleMismatch }
      .map { "\($0.path):\($0.line) \($0.message)" }.sorted()
    #expect(
      mismatches == [
        "en-us/b.md:3 ms.contentlocale is 'fr-fr' but the file is in the en-us folder",
        "sv-se/b.md:2 ms.contentlocale is 'de-de' but the file is in the sv-se folder",
      ])
    let sourceExcluded = try await analyze(
      ["en-us/b.md": "---\nms.contentlocale: fr-fr\n---\n# B\n", "sv-se/b.md": "# B\n"],
      locales: ["sv-se"])
    #expect(!sourceExcluded.diagnostics.contains { $0.rule == .l10nLocaleMismatch })
  }

  @Test func keptEnglishIdsMatchAndLostOnesAreNamed() async throws {
    let report = try await analyze([
      "en-us/a.md": "# Install\n\n## Run it\n\n## Clean up\n",
      "sv-se/a.md":
        "# <a name=\"install\"></a>Installera\n\n## Kör den\n\n## <a name=\"clean-up\"></a>Städa\n",
    ])
    let structure = try #require(report.diagnostics.first { $0.rule == .l10nStructure })
    #expect(structure.path == "sv-se/a.md")
    #expect(structure.line == 3)
    #expect(structure.message == "structure differs from en-us/a.md: 1 section")
    #expect(
      structure.notes == [
        "section: sv-se line 3 has '## Kör den {#kör-den}' where en-us line 3 has '## Run it {#run-it}'"
      ])
  }

  @Test func everyAspectIsCompared() async throws {
    let report = try await analyze([
      "en-us/zone-pivot-groups.yml":
        "groups:\n- id: langs\n  title: L\n  pivots:\n  - id: py\n    title: Py\n  - id: js\n    title: JS\n",
      "en-us/a.md": """
      ---
      zone_pivot_groups: langs
      ---
      # A

      ::: zone pivot="py"
      [!INCLUDE [py](includes/py.md)]
      ::: zone-end

      ::: zone pivot="js"
      [!INCLUDE [js](includes/js.md)]
      ::: zone-end

      [doc](https://learn.microsoft.com/en-us/azure/x) ![shot](media/a.png)

      ```bash
      run --now
      ```

      """,
      "en-us/includes/py.md": "Py.\n",
      "en-us/includes/js.md": "Js.\n",
      "sv-se/a.md": """
      ---
      zone_pivot_groups: langs-old
      ---
      # A

      ::: zone pivot="py"
      [!INCLUDE [py](includes/python.md)]
      ::: zone-end

      [dok](https://learn.microsoft.com/sv-se/azure/y) ![bild](media/sv-a.png)

      ```bash
      kör --nu
      ```

      """,
    ])
    let structure = try #require(
      report.diagnostics.first { $0.rule == .l10nStructure && $0.path == "sv-se/a.md" })
    #expect(
      structure.message
        == "structure differs from en-us/a.md: zone_pivot_groups, 1 zone, 2 includes, 1 code block, 1 link, 1 image"
    )
    #expect(
      structure.notes == [
        "zone_pivot_groups: sv-se line 2 has 'langs-old' where en-us line 2 has 'langs'",
        "zone: en-us line 10 has '::: zone pivot=\"js\"', missing from the translation (expected after sv-se line 6)",
        "include: sv-se line 7 has 'includes/python.md' where en-us line 7 has 'includes/py.md'",
        "include: en-us line 11 has 'includes/js.md', missing from the translation (expected after sv-se line 7)",
        "code block: sv-se line 12 has '```bash (1 line)' where en-us line 16 has '```bash (1 line)'; first difference on line 1 of the block: 'kör --nu' instead of 'run --now'",
        "link: sv-se line 10 has 'https://learn.microsoft.com/sv-se/azure/y' where en-us line 14 has 'https://learn.microsoft.com/en-us/azure/x'",
        "image: sv-se line 10 has 'media/sv-a.png' where en-us line 14 has 'media/a.png'",
      ])
  }

  @Test func transcriptsAreTheirOwnAspect() async throws {
    let transcript = "```console\nCreated identity 1\n```\n"
    let report = try await analyze([
      "docproof.yml": "scenarios:\n  demo:\n    command: [\"true\"]\n",
      "en-us/a.md": "# A\n\n<!-- docproof: transcript demo -->\n" + transcript,
      "sv-se/a.md":
        "# A\n\n<!-- docproof: transcript demo -->\n```console\nSkapade identitet 1\n```\n",
    ])
    let structure = try #require(report.diagnostics.first { $0.rule == .l10nStructure })
    #expect(structure.message == "structure differs from en-us/a.md: 1 transcript")
  }

  @Test func aHashThatIsNotASHA1IsSaidSoAndNotUsed() async throws {
    let report = try await analyze([
      "en-us/a.md": "# A\n",
      "sv-se/a.md": "---\nms.openlocfilehash: abc\n---\n# A\n",
    ])
    let file = try #require(report.files.first { $0.pair.translationPath == "sv-se/a.md" })
    let staleness = try #require(file.staleness)
    #expect(staleness.freshness == .unknown)
    #expect(staleness.malformedMetadata)
    #expect(file.status == .unverified)
    // Malformed metadata is a finding, with its line: the page claims evidence it lacks.
    let finding = try #require(report.diagnostics.first { $0.rule == .l10nStale })
    #expect(finding.line == 2)
    #expect(finding.severity == .warning)
    #expect(
      finding.message
        == "cannot tell whether this translation is stale: ms.openlocfilehash 'abc' (line 2) is not a SHA-1"
    )
  }

  @Test func missingMetadataIsNotAFinding() async throws {
    let report = try await analyze(["en-us/a.md": "# A\n", "sv-se/a.md": "# A\n"])
    #expect(report.files.first { $0.pair.translationPath == "sv-se/a.md" }?.status == .unverified)
    #expect(!report.diagnostics.contains { $0.rule == .l10nStale })
  }
}
