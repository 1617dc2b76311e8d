import Checks
import DocModel
import DocSite

/// A localization rule: findings over the analysis of a tree's translations. Each rule
/// lives in its own file, with a stable id, a default severity and examples.
public protocol LocalizationRule: Sendable {
  static var info: RuleInfo { get }
  /// Findings over the report; their paths are relative to `sides.reported`'s root.
  static func check(_ report: LocalizationReport, sides: LocalizationSides) -> [Diagnostic]
}

extension LocalizationRule {
  /// A finding of this rule at its default severity.
  static func finding(
    _ path: String, line: Int, _ message: String, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(
      rule: info.id, severity: info.defaultSeverity, path: path, line: max(1, line), column: 1,
      message: message, notes: notes)
  }
}

/// Every localization rule, in one place.
public enum LocalizationRules {
  public static let all: [any LocalizationRule.Type] = [
    L10nLocaleMismatch.self, L10nOrphan.self, L10nUntranslated.self, L10nStale.self,
    L10nStructure.self,
  ]

  /// Their descriptions, for reports.
  public static var infos: [RuleInfo] { all.map { $0.info } }
}
