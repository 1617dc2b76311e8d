import DocModel
import TestSupport

/// Parses Markdown text as a page named `test.md`.
func parse(_ markdown: String, path: String = "test.md") -> Page {
  PageParser.parse(bytes: Array(markdown.utf8), path: path)
}

/// Parses a fixture under `Tests/Fixtures/pages`.
func fixture(_ name: String) throws -> Page {
  PageParser.parse(bytes: try Fixtures.bytes("pages/\(name)"), path: name)
}

extension Page {
  /// The findings of one rule, as `line:column message`.
  func findings(_ rule: RuleID) -> [String] {
    diagnostics.filter { $0.rule == rule }.map { "\($0.line):\($0.column) \($0.message)" }
  }

  /// The findings of one rule, as line numbers.
  func findingLines(_ rule: RuleID) -> [Int] {
    diagnostics.filter { $0.rule == rule }.map(\.line)
  }
}
