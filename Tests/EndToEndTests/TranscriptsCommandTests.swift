import Foundation
import TestSupport
import Testing

@Suite struct TranscriptsCommandTests {
  @Test func listsTheShippedTranscripts() async throws {
    let result = try await BinaryRunner.docproof(
      ["transcripts", "docs"], in: Fixtures.repositoryRoot)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("PAGE") == true)
    #expect(lines.first?.hasSuffix("SCENARIO") == true)
    // Two quickstarts, five pivots with a transcript each, three locales.
    #expect(lines.count == 32)
    #expect(lines.last == "docproof: 30 transcripts in 30 blocks")
    #expect(result.stdout.contains("en-us/quickstarts/includes/access-tokens/swift.md"))
    #expect(result.stdout.contains("de-de/quickstarts/includes/sign-request/csharp.md"))
  }

  @Test func jsonRows() async throws {
    let result = try await BinaryRunner.docproof(
      ["transcripts", "docs", "--format", "json"], in: Fixtures.repositoryRoot)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 30)
    #expect(
      Set(rows.first?.keys.map { $0 } ?? []) == [
        "page", "file", "locale", "scenario", "pivots", "line", "endLine",
      ])
  }

  @Test func invalidMarkersAreReportedWithExitOne() async throws {
    let tree = try TemporaryTree([
      "docproof.yml": "scenarios:\n  demo:\n    command: [./run]\n",
      "en-us/a.md": "# A\n\n<!-- docproof: transcript dmeo -->\n```console\nx\n```\n",
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["transcripts", tree.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "a.md:3:1: error: transcript marker names unknown scenario 'dmeo' [transcript-marker-invalid]"
      ))
    #expect(result.stderr.contains("did you mean 'demo'?"))
  }
}
