import DocModel
import DocSite

/// What a rule is, for reports (SARIF rule descriptions) and documentation.
public struct RuleInfo: Sendable {
  public var id: RuleID
  public var defaultSeverity: Severity
  /// One line: what the rule finds.
  public var summary: String
  /// Why it matters and how to fix it.
  public var help: String
  /// A small tree (path → text) on which the rule reports at least one finding.
  public var triggers: [String: String]
  /// A small tree on which it reports none.
  public var passes: [String: String]
  /// Whether it runs without being asked for. An opt-in rule reports what the Learn build
  /// does not (a style a team may want), only once docproof.yml gives it a severity.
  public var enabledByDefault: Bool

  public init(
    id: RuleID, defaultSeverity: Severity, summary: String, help: String,
    triggers: [String: String], passes: [String: String], enabledByDefault: Bool = true
  ) {
    self.id = id
    self.defaultSeverity = defaultSeverity
    self.summary = summary
    self.help = help
    self.triggers = triggers
    self.passes = passes
    self.enabledByDefault = enabledByDefault
  }
}

/// A check over a loaded site. Each rule lives in its own file, with a stable id, a
/// default severity and examples that trigger it and do not.
public protocol Rule: Sendable {
  static var info: RuleInfo { get }
  /// The findings of this rule; their severity is the rule's default (configuration may
  /// change it later).
  static func check(_ context: CheckContext) async -> [Diagnostic]
}

extension Rule {
  /// A finding of this rule at its default severity.
  static func finding(
    _ path: String, line: Int, column: Int = 1, _ message: String, notes: [String] = [],
    severity: Severity? = nil
  ) -> Diagnostic {
    Diagnostic(
      rule: info.id, severity: severity ?? info.defaultSeverity, path: path, line: line,
      column: column, message: message, notes: notes)
  }

  /// The findings the page parser reported for this rule, on every file.
  static func parserFindings(_ context: CheckContext) -> [Diagnostic] {
    context.parserFindings[info.id] ?? []
  }
}
