import Foundation
import TestSupport
import Testing

/// What a CI job sees: colors as asked, and the GitHub step summary.
@Suite struct CIIntegrationTests {
  static let sites = Fixtures.url("sites")

  @Test(
    "--color and NO_COLOR / FORCE_COLOR decide the colors of the text report",
    arguments: [
      // A test's output is a pipe; the runner's own NO_COLOR is emptied (empty is unset).
      ([String](), ["NO_COLOR": ""], false),
      (["--color", "always"], ["NO_COLOR": "1"], true),
      (["--color", "never"], ["FORCE_COLOR": "1", "NO_COLOR": ""], false),
      ([], ["FORCE_COLOR": "1", "NO_COLOR": ""], true),
      ([], ["FORCE_COLOR": "0", "NO_COLOR": ""], false),
      ([], ["FORCE_COLOR": "1", "NO_COLOR": "1"], false),
    ])
  func colors(_ arguments: [String], _ environment: [String: String], _ colored: Bool)
    async throws
  {
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--no-run"] + arguments, in: Self.sites, environment: environment)
    #expect(result.status == 1)
    #expect(result.stdout.contains("\u{1B}[1;31merror:") == colored)
  }

  @Test func theStepSummaryListsEveryFindingBeyondTheAnnotationLimit() async throws {
    let folder = try Fixtures.temporaryDirectory("step-summary")
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = folder.appendingPathComponent("summary.md")
    try Data("## an earlier step\n\n".utf8).write(to: summary)
    let links = (1...14).map { "[gone](gone-\($0).md)" }.joined(separator: "\n\n")
    let tree = try TemporaryTree([
      "docs/docproof.yml": "frontMatter:\n  required: []\n",
      "docs/en-us/page.md": "# Page\n\n" + links + "\n\n[a](#nowhere)\n\n[b](a|b.md)\n",
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(
      ["check", "docs", "--format", "github"], in: tree.url,
      environment: ["GITHUB_STEP_SUMMARY": summary.path])
    #expect(result.status == 1)
    let text = try String(contentsOf: summary, encoding: .utf8)
    #expect(
      text.hasPrefix(
        "## an earlier step\n\n## ❌ docproof check .\n\n16 errors, 0 warnings in 1 file\n"))
    #expect(
      text.contains(
        "| [`file-not-found`](https://github.com/docproof/docproof/blob/main/RULES.md#file-not-found) | 15 | 0 | 0 |"
      ))
    #expect(
      text.contains(
        "| [`bookmark-not-found`](https://github.com/docproof/docproof/blob/main/RULES.md#bookmark-not-found) | 1 | 0 | 0 |"
      ))
    // Every finding, also the six past the ten errors GitHub annotates.
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `en-us/page.md:") }
    #expect(rows.count == 16)
    #expect(rows.contains { $0.contains("link target 'gone-14.md' not found") })
    #expect(
      rows.contains {
        $0
          == "| `en-us/page.md:31` | error | `bookmark-not-found` | bookmark '#nowhere' not found on this page |"
      }, "\(rows)")
    // A pipe in a message stays in its cell.
    #expect(rows.contains { $0.contains("link target 'a\\|b.md' not found") }, "\(rows)")
  }

  /// A step summary that cannot be written is exit status 2 with its reason, after the
  /// report itself: a folder or a FIFO (which would block) in GITHUB_STEP_SUMMARY.
  @Test func anUnwritableStepSummaryIsAnErrorAfterTheReport() async throws {
    let folder = try Fixtures.temporaryDirectory("step-summary-bad")
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    for (path, reason) in [
      (folder.path, "it is not a regular file"), (fifo, "it is not a regular file"),
    ] {
      let result = try await BinaryRunner.run(
        path: "/usr/bin/timeout",
        ["20", BinaryRunner.docproofPath, "check", "broken", "--no-run", "--format", "github"],
        in: Self.sites, environment: ["GITHUB_STEP_SUMMARY": path])
      #expect(result.status == 2, "\(path)")
      #expect(result.stdout.hasPrefix("::"), "the report came first")
      #expect(
        result.stderr.hasSuffix(
          "docproof: cannot write the step summary \(path) (GITHUB_STEP_SUMMARY): \(reason)\n"),
        "\(result.stderr)")
    }
  }
}
