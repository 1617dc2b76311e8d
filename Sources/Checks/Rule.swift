import DocModel
import DocSite

/// A check over a loaded site. Each rule lives in its own file, with a stable id, a
/// default severity and examples that trigger it and do not (those the parser finds are
/// defined in DocModel/Rules and DocSite/Rules, and conform in Loading/).
public protocol Rule: RuleDefinition {
  /// The findings of this rule; their severity is the rule's default (configuration may
  /// change it later).
  static func check(_ context: CheckContext) async -> [Diagnostic]
}

extension Rule {
  /// The findings the page parser reported for this rule, on every file.
  static func parserFindings(_ context: CheckContext) -> [Diagnostic] {
    context.parserFindings[info.id] ?? []
  }
}
