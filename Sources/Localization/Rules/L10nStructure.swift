import DocModel
import DocSite

/// `l10n-structure`: a translation's structure differs from its source's, one note per
/// difference with the line in each file.
public enum L10nStructure: LocalizationRule {
  public static let info = RuleInfo(
    id: .l10nStructure, defaultSeverity: .warning,
    summary: "A translation's structure differs from its source.",
    help: "Translations keep the source's zone_pivot_groups, zones, includes, section ids "
      + "(with <a name=\"...\"></a> on translated headings), code blocks, transcripts, link "
      + "targets and images. Each note names one difference and its line in both files.",
    triggers: [
      "en-us/a.md": "# A\n\n```python\nprint('hi')\n```\n",
      "sv-se/a.md": "# A\n\n```python\nprint('hej')\n```\n",
    ],
    passes: [
      "en-us/a.md": "# Title\n\n[B](b.md#usage)\n",
      "en-us/b.md": "# B\n\n## Usage\n",
      "sv-se/a.md": "# <a name=\"title\"></a>Titel\n\n[B](b.md#usage)\n",
      "sv-se/b.md": "# B\n\n## <a name=\"usage\"></a>Användning\n",
    ])

  public static func check(_ report: LocalizationReport, sides: LocalizationSides)
    -> [Diagnostic]
  {
    report.files.compactMap { file in
      let differences = file.differences
      guard let path = file.pair.translationPath, let source = file.pair.sourcePath,
        let line = differences.map(\.translationLine).min()
      else { return nil }
      var counts: [String] = []
      for aspect in StructureAspect.allCases {
        let count = differences.filter { $0.aspect == aspect }.count
        guard count > 0 else { continue }
        counts.append(
          aspect == .pivotGroups
            ? aspect.rawValue : "\(count) \(aspect.itemName)\(count == 1 ? "" : "s")")
      }
      let notes = differences.map {
        $0.note(sourceLocale: report.sourceLocale, locale: file.pair.locale)
      }
      return finding(
        sides.reportPath(translation: path, locale: file.pair.locale), line: line,
        "structure differs from \(sides.display(sides.reportPath(source: source))): \(counts.joined(separator: ", "))",
        notes: notes)
    }
  }
}
