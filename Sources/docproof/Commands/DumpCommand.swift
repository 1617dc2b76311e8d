import ArgumentParser
import DocModel
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

  func run() throws {
    let bytes: [UInt8]
    do {
      bytes = try FileReader.read(file)
    } catch {
      throw ToolFailure(error.description)
    }
    let page = PageParser.parse(bytes: bytes, path: file)
    FileHandle.standardOutput.write(Data(try page.dumpJSON().utf8))
    if page.diagnostics.contains(where: { $0.severity == .error }) {
      throw ExitCode(1)
    }
  }
}
