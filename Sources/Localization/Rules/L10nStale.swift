import DocModel
import DocSite
import Foundation

/// `l10n-stale`: the source changed after the translation was made.
public enum L10nStale: LocalizationRule {
  public static let info = RuleInfo(
    id: .l10nStale, defaultSeverity: .warning,
    summary: "A translation was made from an older version of its source.",
    help: "The evidence is ms.openlocfilehash (the SHA-1 of the source with CRLF line endings); "
      + "without it, the source's git history after ms.sourcegitcommit or ms.lasthandoff. "
      + "Update the translation, then its localization metadata. Metadata that is present "
      + "but malformed (a hash that is not a SHA-1, a date that is not MM/DD/YYYY) is "
      + "reported too: the translation claims evidence it does not give.",
    triggers: [
      "en-us/a.md": "# A\n",
      "sv-se/a.md":
        "---\nms.openlocfilehash: 0000000000000000000000000000000000000000\n---\n# A\n",
    ],
    passes: [
      "en-us/a.md": "# A\n",
      "sv-se/a.md":
        "---\nms.openlocfilehash: cbd6fa9143fe1cc72038755c3c216d1fbbcb45dd\n---\n# A\n",
    ])

  public static func check(_ report: LocalizationReport, sides: LocalizationSides)
    -> [Diagnostic]
  {
    report.files.compactMap { file in
      guard let staleness = file.staleness, let path = file.pair.translationPath,
        staleness.freshness == .stale || staleness.malformedMetadata
      else { return nil }
      var notes = staleness.notes
      if let hash = staleness.sourceHash {
        notes.append("once the translation is brought up to date, set ms.openlocfilehash: \(hash)")
      }
      if let lag = staleness.lag { notes += Self.notes(lag) }
      let drift = file.differences.count
      if drift > 0 {
        notes.append(
          "l10n-structure lists \(drift) structural difference\(drift == 1 ? "" : "s") from the source"
        )
      }
      return finding(
        sides.reportPath(translation: path, locale: file.pair.locale), line: staleness.line,
        staleness.explanation, notes: notes)
    }
  }

  /// The prefix of the note that holds the source's diff (shown in text only when asked).
  public static let diffNotePrefix = "the source's changes since the translated version:"

  /// What a lag says, one note each: the handoff and its age, the commits since, the diff.
  static func notes(_ lag: Lag) -> [String] {
    var notes: [String] = []
    if let handoff = lag.handoff, let age = lag.handoffAgeDays {
      notes.append(
        "handed off on \(handoff) (ms.lasthandoff), \(age) day\(age == 1 ? "" : "s") ago")
    }
    if let missing = lag.historyMissing { notes.append(missing) }
    guard let history = lag.history else { return notes }
    let count = history.changes.count
    var summary =
      "the source changed in \(count) commit\(count == 1 ? "" : "s") since the translated version (\(history.foundBy))"
    if count > 0 {
      summary += ":"
      for change in history.changes.prefix(5) {
        summary += "\n\(change.date.prefix(10)) \(change.id.prefix(12)) \(change.subject)"
      }
      if count > 5 { summary += "\n... and \(count - 5) older" }
    }
    notes.append(summary)
    if !history.diff.isEmpty {
      notes.append(diffNotePrefix + "\n" + history.diff.trimmingCharacters(in: .newlines))
    }
    return notes
  }
}
