import Checks
import Localization
import Transcripts

/// Every rule a `docproof check` can report, from the rule registry and the later stages
/// (transcripts, translations), ordered by id.
enum RuleCatalog {
  static let all: [RuleInfo] =
    (Rules.all.map { $0.info } + TranscriptRules.all + LocalizationRules.infos)
    .sorted { $0.id.rawValue < $1.id.rawValue }

  static func info(_ id: String) -> RuleInfo? {
    all.first { $0.id.rawValue == id }
  }
}
