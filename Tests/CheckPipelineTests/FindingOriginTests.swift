import Foundation
import TestSupport
import Testing

/// Findings are made only through their rule, so that a rule's file holds its messages and
/// every severity other than its default: no code builds a `Diagnostic` itself or names a
/// severity outside a rule's file.
@Suite struct FindingOriginTests {
  /// Every Swift file under `Sources/`, by path relative to the repository root.
  static func sources() throws -> [(path: String, text: String)] {
    let root = Fixtures.repositoryRoot.appendingPathComponent("Sources")
    let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
    return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
      .map {
        ("Sources/" + $0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
      }
  }

  /// A rule's file: one in a rules folder, or one that defines or conforms a rule.
  static func isRuleFile(_ file: (path: String, text: String)) -> Bool {
    file.path.contains("/Rules/")
      || [": Rule {", ": RuleDefinition {", ": LocalizationRule {"].contains {
        file.text.contains($0)
      }
  }

  @Test func noDiagnosticIsBuiltOutsideTheDiagnosticsModel() throws {
    let offenders = try Self.sources().filter { file in
      !file.path.hasPrefix("Sources/DocModel/Diagnostics/")
        && file.text.contains("Diagnostic(")
    }.map(\.path)
    #expect(offenders == [], "build findings with Rule.finding(...) or a RuleMessage")
  }

  @Test func noSeverityIsNamedOutsideARulesFile() throws {
    let pattern = #/severity: \.(error|warning|info)/#
    let offenders = try Self.sources().filter { file in
      !Self.isRuleFile(file) && file.text.contains(pattern)
    }.map(\.path)
    #expect(offenders == [], "a severity other than the rule's default belongs in its file")
  }
}
