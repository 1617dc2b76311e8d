import ArgumentParser
import CheckPipeline
import CorpusGenerator
import Foundation

/// `docproof generate-corpus DIR --pages N` (hidden): the benchmark tree and its manifest.
struct GenerateCorpusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate-corpus",
    abstract: "Write a deterministic DocFX-like tree of N pages and the findings it must give.",
    discussion: """
      Each page has five pivot zones, each showing an include, so N pages make about 6N \
      files, plus a Swedish copy of every tenth page. DIR must not exist or be empty. The \
      expected findings of 'docproof check DIR --no-run' are written to \
      DIR/docproof-manifest.json. '--findings heavy' adds four misspelled links or \
      includes per page into folders of hundreds and thousands of names (their \
      did-you-mean notes are in the manifest too).
      """,
    shouldDisplay: false)

  @Argument(help: "The folder to write (new or empty).")
  var directory: String

  @Option(help: "How many pages.")
  var pages = 10_000

  @Option(help: "How many defects: 'few' (a few per hundred pages) or 'heavy' (four per page).")
  var findings: CorpusGenerator.Findings = .few

  func run() throws {
    guard pages >= 1 else { throw ToolFailure("--pages must be at least 1") }
    let manifest: CorpusManifest
    do {
      manifest = try CorpusGenerator(pages: pages, findings: findings).write(
        to: URL(fileURLWithPath: directory, isDirectory: true))
    } catch {
      throw ToolFailure("cannot write the corpus: \(error.localizedDescription)")
    }
    print(
      "docproof: wrote \(manifest.files) files (\(manifest.pages) pages) to \(directory); "
        + "\(manifest.findings.count) expected findings in \(directory)/docproof-manifest.json")
  }
}

extension CorpusGenerator.Findings: ExpressibleByArgument {}
