import Checks
import DocModel

/// What a reporter prints: the findings of a run and what was checked.
public struct Report: Sendable {
  /// The root as the user named it (`docs`); report paths are relative to it.
  public var root: String
  public var diagnostics: [Diagnostic]
  public var filesChecked: Int
  /// The rules that ran, for formats that describe them (SARIF).
  public var rules: [RuleInfo]
  /// The working directory, for formats that need absolute locations (SARIF).
  public var workingDirectory: String
  /// What the run took as given, one sentence each (the base URL of site-absolute links).
  public var context: [String] = []
  /// Site-absolute links not checked offline (into other docsets), counted.
  public var linksNotChecked = 0
  /// What those links are, for the summary (`into other docsets`).
  public var linksNotCheckedKind = "into other docsets"

  public init(
    root: String, diagnostics: [Diagnostic], filesChecked: Int, rules: [RuleInfo],
    workingDirectory: String
  ) {
    self.root = root
    self.diagnostics = diagnostics
    self.filesChecked = filesChecked
    self.rules = rules
    self.workingDirectory = workingDirectory
  }

  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
  public var infos: Int { diagnostics.filter { $0.severity == .info }.count }

  /// A finding's path as the user can open it: the root joined with the relative path.
  public func displayPath(_ relative: String) -> String {
    if root.isEmpty || root == "." { return relative }
    return (root.hasSuffix("/") ? root : root + "/") + relative
  }

  /// `3 errors, 1 warning in 12 files`.
  public var summaryLine: String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let unchecked =
      linksNotChecked > 0
      ? "; \(count(linksNotChecked, "link")) \(linksNotCheckedKind) not checked offline" : ""
    if diagnostics.isEmpty { return "no problems in \(count(filesChecked, "file"))" + unchecked }
    var parts = [count(errors, "error"), count(warnings, "warning")]
    if infos > 0 { parts.append(count(infos, "note")) }
    return parts.joined(separator: ", ") + " in \(count(filesChecked, "file"))" + unchecked
  }
}

/// One output format.
public protocol Reporter: Sendable {
  func render(_ report: Report) throws -> String
}

/// The formats `check --format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, junit, sarif, github

  /// The reporter for this format; `color` only matters for text.
  public func reporter(color: Bool) -> any Reporter {
    switch self {
    case .text: TextReporter(color: color)
    case .json: JSONReporter()
    case .junit: JUnitReporter()
    case .sarif: SARIFReporter()
    case .github: GitHubReporter()
    }
  }
}
