import DocModel
import DocSite

/// `l10n-orphan`: a translated file whose source does not exist.
public enum L10nOrphan: LocalizationRule {
  public static let info = RuleInfo(
    id: .l10nOrphan, defaultSeverity: .warning,
    summary: "A localized file has no source file at the same path in the source locale.",
    help: "The source was moved or deleted: move or delete the translation too.",
    triggers: ["en-us/a.md": "# A\n", "sv-se/old.md": "# Gammal\n"],
    passes: ["en-us/a.md": "# A\n", "sv-se/a.md": "# A\n"])

  public static func check(_ report: LocalizationReport, sides: LocalizationSides)
    -> [Diagnostic]
  {
    let site = sides.source
    let orphans = report.files.filter { $0.status == .orphan }
    guard !orphans.isEmpty else { return [] }
    let sources = Set(report.files.filter { $0.pair.sourcePath != nil }.map(\.pair.relativePath))
    return orphans.compactMap { file in
      guard let path = file.pair.translationPath else { return nil }
      let reported = sides.reportPath(translation: path, locale: file.pair.locale)
      guard sides.isSideBySide else {
        // Across repositories: no source file publishes where this translation does.
        let translation = sides.site(of: file.pair.locale)
        let published =
          translation.learn?.pairingKey(of: path)?.key ?? path.lowercased()
        var notes: [String] = []
        if let entry = site.learn?.redirection(ofPublished: published) {
          notes.append(
            "its source \(sides.display(sides.reportPath(source: entry.source))) was redirected to \(entry.url) (\(sides.display(sides.reportPath(source: entry.file))) line \(entry.line)): move or delete the translation too"
          )
        }
        return finding(
          reported, line: 1,
          "no source: nothing in \(sides.display(sides.reportPath(source: ""))) is published at \(published)",
          notes: notes)
      }
      let expected = site.displayPath(site.sourceLocale.path(file.pair.relativePath))
      var notes: [String] = []
      if let near = Suggestion.closest(to: file.pair.relativePath, in: sources) {
        notes.append(
          "did you mean the translation of \(site.displayPath(site.sourceLocale.path(near)))?")
      }
      return finding(reported, line: 1, "no source: \(expected) does not exist", notes: notes)
    }
  }
}
