import ArgumentParser
import CheckPipeline
import Checks
import DocSite
import Foundation
import Transcripts

#if canImport(Glibc)
  import Glibc
#endif

/// `docproof init [ROOT]`: writes a commented docproof.yml for the tree it finds.
struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented docproof.yml for the tree found here.",
    discussion: """
      For a Learn repository or a docs/ tree: what docproof found (docsets, locales, pivot \
      groups), the rules and ignores to adjust, and the code blocks that look like a \
      program's output, as transcript selectors to bind to scenarios. The file names its \
      JSON Schema, so editors complete and check it. An existing docproof.yml is never \
      replaced.
      """)

  @Argument(
    help: ArgumentHelp(
      "The tree (default: the working folder when it is a Learn repository, else docs).",
      valueName: "root"))
  var givenRoot: String?

  @Flag(help: "Print the file instead of writing it.")
  var stdout = false

  func run() async throws {
    let root = try Site.rootForCommand(givenRoot)
    let target = (root == "." ? "" : root + "/") + DocSite.Configuration.fileName
    var status = stat()
    if !stdout, lstat(target, &status) == 0 {
      throw ToolFailure(
        "\(target) exists: nothing written ('docproof init --stdout' prints what init would write)")
    }
    let site = try await Site.loadForCommand(root)
    let candidates = TranscriptCandidate.find(in: site)
    let text = StarterConfiguration.render(for: site, candidates: candidates)
    // What is written must read back: never a file the next run rejects.
    do {
      _ = try DocSite.Configuration.parse(text, path: target, knownRules: RuleRegistry.knownIDs)
    } catch {
      throw ToolFailure(
        "init made a docproof.yml that does not read back (\(error)): nothing written")
    }
    if stdout {
      print(text, terminator: "")
      return
    }
    do {
      try AtomicFile.write(Data(text.utf8), to: target)
    } catch {
      throw ToolFailure("cannot write \(target): \(error)")
    }
    let count = candidates.count
    print(
      "docproof: wrote \(target)"
        + (count == 0
          ? ""
          : " (\(count) code block\(count == 1 ? "" : "s") that look like output, as selectors to bind to scenarios)")
    )
  }
}
