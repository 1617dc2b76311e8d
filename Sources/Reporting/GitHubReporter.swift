import DocModel

/// GitHub Actions workflow commands: one `::error file=...,line=...,col=...,title=...::`
/// line per finding, so findings appear as annotations on the pull request.
public struct GitHubReporter: Reporter {
  public init() {}

  public func render(_ report: Report) throws -> String {
    var output = ""
    for diagnostic in report.diagnostics {
      let command: String
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      let properties = [
        "file=\(Self.property(report.displayPath(diagnostic.path)))",
        "line=\(diagnostic.line)", "col=\(diagnostic.column)",
        "title=\(Self.property(diagnostic.rule.rawValue))",
      ].joined(separator: ",")
      let message = ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" })
        .joined(separator: "\n")
      output += "::\(command) \(properties)::\(Self.data(message))\n"
    }
    for sentence in report.context { output += "docproof: \(sentence)\n" }
    output += "docproof: \(report.summaryLine)\n"
    return output
  }

  /// Escapes a message as the runner expects (`%`, CR, LF).
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25")
      .replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escapes a property value (also `:` and `,`).
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
