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
  /// Symbolic links (path → destination) the trigger tree holds beside its files.
  public var triggerLinks: [String: String]
  /// A small tree on which it reports none.
  public var passes: [String: String]
  /// Whether it runs without being asked for. An opt-in rule reports what the Learn build
  /// does not (a style a team may want), only once docproof.yml gives it a severity.
  public var enabledByDefault: Bool

  public init(
    id: RuleID, defaultSeverity: Severity, summary: String, help: String,
    triggers: [String: String], triggerLinks: [String: String] = [:], passes: [String: String],
    enabledByDefault: Bool = true
  ) {
    self.id = id
    self.defaultSeverity = defaultSeverity
    self.summary = summary
    self.help = help
    self.triggers = triggers
    self.triggerLinks = triggerLinks
    self.passes = passes
    self.enabledByDefault = enabledByDefault
  }
}

/// One rule docproof reports: a type in a file of its own, whose `info` holds its id, its
/// default severity, what it finds and the examples that trigger it and do not. Every such
/// type is listed once, in `RuleRegistry` (CheckPipeline).
public protocol RuleDefinition: Sendable {
  static var info: RuleInfo { get }
}

extension RuleDefinition {
  /// A finding of this rule, at its default severity unless `severity` says otherwise.
  public static func finding(
    _ path: String, line: Int, column: Int = 1, _ message: String, notes: [String] = [],
    severity: Severity? = nil
  ) -> Diagnostic {
    self.message(message, notes: notes, severity: severity).at(path, line: line, column: column)
  }
}

/// What a rule says about one problem, before it is placed in a file: the parser finds the
/// problem, the rule's own file words it and sets its severity.
public struct RuleMessage: Sendable {
  public var rule: RuleID
  public var severity: Severity
  public var text: String
  public var notes: [String]

  /// The finding at a place in a file.
  public func at(_ path: String, line: Int, column: Int = 1) -> Diagnostic {
    Diagnostic(
      rule: rule, severity: severity, path: path, line: max(1, line), column: column,
      message: text, notes: notes)
  }
}

extension RuleDefinition {
  /// A message of this rule, at its default severity unless `severity` says otherwise.
  public static func message(_ text: String, notes: [String] = [], severity: Severity? = nil)
    -> RuleMessage
  {
    RuleMessage(
      rule: info.id, severity: severity ?? info.defaultSeverity, text: text, notes: notes)
  }
}
