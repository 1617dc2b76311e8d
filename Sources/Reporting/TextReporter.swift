import DocModel

/// `path:line:col: error: message [rule]`, notes indented below, a summary line last.
/// Colors only when asked (on a terminal, without `NO_COLOR`).
public struct TextReporter: Reporter {
  public var color: Bool

  public init(color: Bool) { self.color = color }

  public func render(_ report: Report) throws -> String {
    var output = ""
    for diagnostic in report.diagnostics {
      let location =
        "\(report.displayPath(diagnostic.path)):\(diagnostic.line):\(diagnostic.column)"
      let label: String
      switch diagnostic.severity {
      case .error: label = paint("error:", "1;31")
      case .warning: label = paint("warning:", "1;33")
      case .info: label = paint("info:", "1;36")
      }
      output +=
        "\(paint(location, "1")): \(label) \(diagnostic.message) \(paint("[\(diagnostic.rule)]", "2"))\n"
      for note in diagnostic.notes {
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        output += "    \(paint("note:", "36")) \(lines[0])\n"
        for line in lines.dropFirst() {
          output += "      \(Self.colorDiffLine(String(line), paint))\n"
        }
      }
    }
    for sentence in report.context { output += "docproof: \(sentence)\n" }
    output += "docproof: \(report.summaryLine)\n"
    return output
  }

  /// Colors the lines of a unified diff inside a note.
  static func colorDiffLine(_ line: String, _ paint: (String, String) -> String) -> String {
    if line.hasPrefix("+++") || line.hasPrefix("---") { return paint(line, "1") }
    if line.hasPrefix("@@") { return paint(line, "36") }
    if line.hasPrefix("+") { return paint(line, "32") }
    if line.hasPrefix("-") { return paint(line, "31") }
    return line
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
