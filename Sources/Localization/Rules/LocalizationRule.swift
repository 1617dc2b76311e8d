import DocModel
import DocSite

/// A localization rule: findings over the analysis of a tree's translations. Each rule
/// lives in its own file, with a stable id, a default severity and examples.
public protocol LocalizationRule: RuleDefinition {
  /// Findings over the report; their paths are relative to `sides.reported`'s root.
  static func check(_ report: LocalizationReport, sides: LocalizationSides) -> [Diagnostic]
}
