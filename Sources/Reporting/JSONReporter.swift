import DocModel
import Foundation

/// The JSON contract of DESIGN.md: `version`, `root`, `diagnostics`, `summary`.
public struct JSONReporter: Reporter {
  public init() {}

  struct Document: Encodable {
    struct Summary: Encodable {
      var files: Int
      var errors: Int
      var warnings: Int
      var notes: Int
      /// Site-absolute links into other docsets (absent when there are none).
      var linksNotChecked: Int?
    }
    var version = 1
    var root: String
    /// What the run took as given (absent when nothing).
    var context: [String]?
    var diagnostics: [Diagnostic]
    var summary: Summary
  }

  public func render(_ report: Report) throws -> String {
    let document = Document(
      root: report.root, context: report.context.isEmpty ? nil : report.context,
      diagnostics: report.diagnostics,
      summary: .init(
        files: report.filesChecked, errors: report.errors, warnings: report.warnings,
        notes: report.infos,
        linksNotChecked: report.linksNotChecked > 0 ? report.linksNotChecked : nil))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }
}
