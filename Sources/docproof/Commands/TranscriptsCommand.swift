import ArgumentParser
import CheckPipeline
import Checks
import DocModel
import DocSite
import Foundation
import Reporting
import Transcripts

/// `docproof transcripts [ROOT]`: every transcript, where it is shown, and for what.
struct TranscriptsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcripts",
    abstract: "List every transcript: page, include, pivot, locale, line, scenario.",
    discussion: """
      A transcript is a fenced block right after <!-- docproof: transcript SCENARIO -->, or \
      one a 'transcripts:' selector in docproof.yml picks out. A transcript inside an \
      include is listed once per page and pivot that shows it.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var tree: TreeArgument

  @Option(help: "The listing's format.")
  var format: Format = .text

  func run() async throws {
    let root = try tree.root()
    let site = try await Site.loadForCommand(root)
    let discovery = TranscriptFinder.find(in: site)
    switch format {
    case .json:
      struct Row: Encodable {
        var page, file, locale: String
        /// Absent for a result block no scenario is bound to.
        var scenario: String?
        var pivots: [String]
        var line, endLine: Int
        /// An Innovation Engine result block's marker, and the command line it answers.
        var expectation: String?
        var answers: Int?
      }
      let rows = discovery.occurrences.map {
        Row(
          page: $0.page, file: $0.block.file, locale: $0.locale,
          scenario: $0.block.scenario.isEmpty ? nil : $0.block.scenario,
          pivots: $0.pivots, line: $0.block.line, endLine: $0.block.endLine,
          expectation: $0.block.expectation?.written, answers: $0.block.answers)
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      FileHandle.standardOutput.write(try encoder.encode(rows) + Data("\n".utf8))
    case .text:
      var table: [[String]] = [["PAGE", "INCLUDE", "PIVOT", "LOCALE", "LINE", "SCENARIO"]]
      for occurrence in discovery.occurrences {
        table.append([
          occurrence.page,
          occurrence.block.file == occurrence.page ? "-" : occurrence.block.file,
          occurrence.pivots.isEmpty ? "(all)" : occurrence.pivots.joined(separator: ","),
          occurrence.locale, String(occurrence.block.line), Self.describe(occurrence.block),
        ])
      }
      let widths = (0..<6).map { column in table.map { $0[column].count }.max() ?? 0 }
      var text = ""
      for row in table {
        text +=
          zip(row, widths).enumerated().map { index, cell in
            index == 5 ? cell.0 : cell.0.padding(toLength: cell.1, withPad: " ", startingAt: 0)
          }.joined(separator: "  ") + "\n"
      }
      text +=
        "docproof: \(discovery.occurrences.count) transcript\(discovery.occurrences.count == 1 ? "" : "s") "
        + "in \(discovery.blocks.count) block\(discovery.blocks.count == 1 ? "" : "s")\n"
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if !discovery.diagnostics.isEmpty {
      let report = Report(
        base: site.reportBase,
        diagnostics: discovery.diagnostics.sorted(by: Diagnostic.reportOrder),
        filesChecked: site.files.count, rules: [])
      FileHandle.standardError.write(Data(try TextReporter(color: false).render(report).utf8))
      throw ExitCode(1)
    }
  }

  /// The scenario column: the scenario, and for an Innovation Engine result block what it
  /// expects and the command it answers (`-` when no scenario is bound to it).
  static func describe(_ block: TranscriptBlock) -> String {
    let scenario = block.scenario.isEmpty ? "-" : block.scenario
    guard let expectation = block.expectation else { return scenario }
    let answers = block.answers.map { ", answers line \($0)" } ?? ""
    return "\(scenario) (\(expectation.written)\(answers))"
  }
}
