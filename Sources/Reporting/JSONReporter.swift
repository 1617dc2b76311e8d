import DocModel
import Foundation

/// The JSON contract (README, "JSON output"): `version`, `root`, `diagnostics`, `summary`;
/// paths relative to the repository's root, `root` the tree's place in it.
public struct JSONReporter: Reporter {
  public init() {}

  struct Document: Encodable {
    struct Summary: Encodable {
      var files: Int
      var errors: Int
      var warnings: Int
      var infos: Int
      /// Site-absolute links into other docsets (absent when there are none).
      var linksNotChecked: Int?
      /// What ran and what was compared (absent when the tree has nothing to run or compare).
      var proven: Proof?
    }
    var version = 2
    var root: String
    /// What the run took as given (absent when nothing).
    var context: [String]?
    var diagnostics: [Diagnostic]
    var summary: Summary
  }

  public func render(_ report: Report) throws -> String {
    let document = Document(
      root: report.root, context: report.context.isEmpty ? nil : report.context,
      diagnostics: report.diagnostics.map { diagnostic in
        var shown = diagnostic
        shown.path = report.displayPath(diagnostic.path)
        return shown
      },
      summary: .init(
        files: report.filesChecked, errors: report.errors, warnings: report.warnings,
        infos: report.infos,
        linksNotChecked: report.linksNotChecked > 0 ? report.linksNotChecked : nil,
        proven: report.proof.flatMap { proof in
          guard !proof.isEmpty else { return nil }
          var shown = proof
          for index in shown.transcripts.indices {
            shown.transcripts[index].path = report.displayPath(shown.transcripts[index].path)
          }
          return shown
        }))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }
}
