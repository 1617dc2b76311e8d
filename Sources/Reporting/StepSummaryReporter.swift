import DocModel

/// The Markdown a GitHub Actions job shows on its summary page (`GITHUB_STEP_SUMMARY`):
/// the summary line, the findings per rule, and every finding, also those past the
/// annotations GitHub shows for a step (ten errors and ten warnings).
public struct StepSummaryReporter: Reporter {
  /// Findings listed at most; the counts per rule still cover them all.
  public var limit = 1_000

  public init() {}

  public func render(_ report: Report) throws -> String {
    let mark = report.errors > 0 ? "❌" : "✅"
    var output = "## \(mark) docproof check \(report.root)\n\n\(report.summaryLine)\n"
    for sentence in report.context { output += "\n\(Self.escape(sentence))\n" }
    guard !report.diagnostics.isEmpty else { return output }

    let byRule = Dictionary(grouping: report.diagnostics, by: \.rule)
    output += "\n| rule | errors | warnings | info |\n|---|---:|---:|---:|\n"
    for rule in byRule.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      let findings = byRule[rule]!
      output +=
        "| [`\(rule)`](\(Report.helpURI(rule))) | \(findings.count { $0.severity == .error }) "
        + "| \(findings.count { $0.severity == .warning }) "
        + "| \(findings.count { $0.severity == .info }) |\n"
    }
    output += "\n<details><summary>Every finding</summary>\n\n"
    output += "| location | severity | rule | message |\n|---|---|---|---|\n"
    for diagnostic in report.diagnostics.prefix(limit) {
      output +=
        "| `\(report.displayPath(diagnostic.path)):\(diagnostic.line)` | \(diagnostic.severity) "
        + "| `\(diagnostic.rule)` | \(Self.escape(diagnostic.message)) |\n"
    }
    if report.diagnostics.count > limit {
      output += "\n\(report.diagnostics.count - limit) more: see the full report.\n"
    }
    output += "\n</details>\n"
    return output
  }

  /// Keeps a message on its table row: pipes escaped, lines joined, HTML not interpreted.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
