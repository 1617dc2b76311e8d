import ArgumentParser
import CheckPipeline
import DocModel
import DocSite
import Foundation

/// `docproof dump FILE`: the parsed page as JSON.
struct DumpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: "Print a Markdown file's parsed page model as JSON.",
    discussion: """
      Shows what docproof reads in one file: front matter, zones, includes, headings with \
      their bookmark ids, links, HTML anchors, code blocks and DocFX directives, each with \
      its line, plus the findings the parser itself reports. Exits 1 when one of those \
      findings is an error.
      """)

  @Argument(help: "The Markdown file to parse.")
  var file: String

  @Option(
    help: "Refuse a file larger than this many bytes, as maxFileSize in docproof.yml does.")
  var maxFileSize = Configuration().maxFileSize

  func run() throws {
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(file, limit: maxFileSize)
    } catch {
      throw ToolFailure(error.description)
    }
    let page = PageParser.parse(bytes: bytes, path: file, withinBudget: true)
    FileHandle.standardOutput.write(Data(try page.dumpJSON().utf8))
    if page.diagnostics.contains(where: { $0.severity == .error }) {
      throw ExitCode(1)
    }
  }
}
