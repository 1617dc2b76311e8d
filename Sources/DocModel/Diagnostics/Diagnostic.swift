/// One finding: a rule, where it applies, and what the user should know.
///
/// Findings are values. The tool throws only when it cannot run at all.
public struct Diagnostic: Sendable, Hashable, Codable {
  /// The stable rule id (`include-not-found`, `invalid-zone`, ...).
  public var rule: RuleID
  public var severity: Severity
  /// The file, relative to the checked root, with `/` separators.
  public var path: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in Unicode scalar values.
  public var column: Int
  public var message: String
  /// Further explanation, one line each (a did-you-mean, an include chain, ...).
  public var notes: [String]

  public init(
    rule: RuleID, severity: Severity, path: String, line: Int, column: Int = 1,
    message: String, notes: [String] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.path = path
    self.line = max(1, line)
    self.column = max(1, column)
    self.message = message
    self.notes = notes
  }
}

extension Diagnostic {
  /// Orders findings by path, then position, then rule, for stable reports.
  public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.path != rhs.path { return lhs.path < rhs.path }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.column != rhs.column { return lhs.column < rhs.column }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    return lhs.message < rhs.message
  }
}
