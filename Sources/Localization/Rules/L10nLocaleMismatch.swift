import DocModel
import DocSite

/// `l10n-locale-mismatch`: `ms.contentlocale` names another locale than the file's folder.
public enum L10nLocaleMismatch: LocalizationRule {
  public static let info = RuleInfo(
    id: .l10nLocaleMismatch, defaultSeverity: .error,
    summary: "ms.contentlocale disagrees with the locale folder the file is in.",
    help: "The published page would be labelled with the wrong language. Case does not "
      + "matter (sv-SE is sv-se).",
    triggers: ["en-us/a.md": "# A\n", "sv-se/a.md": "---\nms.contentlocale: de-de\n---\n# A\n"],
    passes: ["en-us/a.md": "# A\n", "sv-se/a.md": "---\nms.contentlocale: sv-SE\n---\n# A\n"])

  public static func check(_ report: LocalizationReport, sides: LocalizationSides)
    -> [Diagnostic]
  {
    var findings: [Diagnostic] = []
    for file in report.files {
      guard let path = file.pair.translationPath, let content = file.contentLocale,
        !content.names(file.pair.locale)
      else { continue }
      findings.append(
        mismatch(
          sides.reportPath(translation: path, locale: file.pair.locale), content,
          folder: file.pair.locale))
    }
    let site = sides.source
    guard report.includesSource, !site.sourceLocale.folder.isEmpty else { return findings }
    for (path, page) in site.parsedFiles where site.sourceLocale.contains(path) {
      guard let content = ContentLocale(of: page), !content.names(site.sourceLocale.name)
      else { continue }
      findings.append(
        mismatch(sides.reportPath(source: path), content, folder: site.sourceLocale.name))
    }
    return findings
  }

  private static func mismatch(_ path: String, _ content: ContentLocale, folder: String)
    -> Diagnostic
  {
    finding(
      path, line: content.line,
      "ms.contentlocale is '\(content.value)' but the file is in the \(folder) folder",
      notes: [
        "set ms.contentlocale: \(folder), or move the file to the \(content.value.lowercased()) folder"
      ])
  }
}
