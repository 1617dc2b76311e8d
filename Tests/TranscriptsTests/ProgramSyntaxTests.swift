import DocModel
import DocSite
import Foundation
import TestSupport
import Testing
import Transcripts

/// `program-syntax-error`: programs before transcripts compiled with node and Python's
/// parser, nothing run, errors at their line in the page.
@Suite struct ProgramSyntaxTests {
  func findings(_ language: String, _ blocks: [String]) async throws -> [String] {
    let program = blocks.map { "```\(language)\n\($0)\n```" }.joined(separator: "\n\nThen:\n\n")
    let tree = try TemporaryTree([
      "docproof.yml": """
      frontMatter:
        required: []
      scenarios:
        demo:
          command: [./run]
      """,
      "en-us/page.md": """
      # Page

      \(program)

      <!-- docproof: transcript demo -->
      ```console
      done
      ```
      """,
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    let pairings = OutputConsistency.pairings(site, discovery: TranscriptFinder.find(in: site))
    let cache = tree.path + "/.docproof-cache/syntax"
    let found = await ProgramSyntax.check(pairings, cacheFolder: cache)
    // The files compiled are removed again.
    #expect((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [] == [])
    return found.map { "\($0.line): \($0.message)" }
  }

  @Test func javaScriptWithNodeCheck() async throws {
    #expect(try await findings("javascript", ["console.log(\"done\");"]) == [])
    // The error is in the second block: its line in the page, not in the joined program.
    let found = try await findings(
      "javascript", ["const a = 1;\nconsole.log(\"done\");", "if (a {\n  console.log(a);\n}"])
    #expect(
      found == ["11: the javascript program has a syntax error: SyntaxError: Unexpected token '{'"])
  }

  @Test func pythonWithItsOwnParser() async throws {
    #expect(try await findings("python", ["print(\"done\")"]) == [])
    let found = try await findings("python", ["def main():\n    print(\"done\"\n\nmain()"])
    #expect(found == ["5: the python program has a syntax error: '(' was never closed"])
  }

  @Test func typeScriptIsNotCompiledAsJavaScript() async throws {
    #expect(
      try await findings("typescript", ["const a: number = 1;\nconsole.log(\"done\");"]) == [])
  }
}
