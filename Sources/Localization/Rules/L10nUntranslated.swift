import DocModel
import DocSite

/// `l10n-untranslated`: a source page or include has no translation in a locale.
public enum L10nUntranslated: LocalizationRule {
  public static let info = RuleInfo(
    id: .l10nUntranslated, defaultSeverity: .info,
    summary: "A source file has no translation in a localized locale.",
    help: "Readers of that locale see the source language (an include falls back to the "
      + "source's). Reported at the source file, once per locale.",
    triggers: ["en-us/a.md": "# A\n", "en-us/b.md": "# B\n", "sv-se/a.md": "# A\n"],
    passes: ["en-us/a.md": "# A\n", "sv-se/a.md": "# A\n"])

  public static func check(_ report: LocalizationReport, sides: LocalizationSides)
    -> [Diagnostic]
  {
    let site = sides.source
    return report.files.compactMap { file in
      guard file.status == .untranslated, let source = file.pair.sourcePath else { return nil }
      let kind = site.includes.isInclude(source) ? "include" : "page"
      let missing: String
      if sides.isSideBySide {
        let expected = site.locales.first { $0.name == file.pair.locale }?.path(
          file.pair.relativePath)
        missing = "\(site.displayPath(expected ?? file.pair.relativePath)) does not exist"
      } else {
        let published = site.learn?.pairingKey(of: source)?.key ?? source.lowercased()
        missing =
          "nothing in \(sides.display(sides.reportPath(translation: "", locale: file.pair.locale))) is published at \(published)"
      }
      return finding(
        sides.reportPath(source: source), line: 1,
        "\(kind) not translated into \(file.pair.locale): \(missing)")
    }
  }
}
