import Checks
import DocModel
import Foundation
import TestSupport
import Testing

@Suite struct IncludeResolutionTests {
  @Test func nestedRelativeAndTildeIncludes() async throws {
    let result = try await check([
      "en-us/a/page.md": "# P\n\n[!INCLUDE [x](../inc/one.md)]\n[!INCLUDE [r](~/inc/root.md)]\n",
      "en-us/inc/one.md": "[!INCLUDE [two](two.md)]\n",
      "en-us/inc/two.md": "## Two\n",
      "en-us/inc/root.md": "## Root\n",
    ])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  }

  @Test func cycleIsReportedWithItsChain() async throws {
    let result = try await check([
      "en-us/page.md": "# P\n\n[!INCLUDE [a](a.md)]\n",
      "en-us/a.md": "[!INCLUDE [b](b.md)]\n",
      "en-us/b.md": "[!INCLUDE [c](c.md)]\n",
      "en-us/c.md": "[!INCLUDE [a](a.md)]\n",
    ])
    let cycles = result.all(.circularReference)
    #expect(cycles.count == 1)
    #expect(cycles.first?.path == "en-us/c.md")
    #expect(cycles.first?.notes == ["en-us/a.md → en-us/b.md → en-us/c.md → en-us/a.md"])
  }

  @Test func selfInclude() async throws {
    let result = try await check(["en-us/page.md": "# P\n\n[!INCLUDE [me](page.md)]\n"])
    // A page that includes itself is nobody's root: the cycle-only walk finds it.
    #expect(
      result.findings(.circularReference) == [
        "en-us/page.md:3:1 including 'page.md' creates a cycle"
      ])
    #expect(result.all(.circularReference).first?.notes == ["en-us/page.md → en-us/page.md"])
  }

  @Test func missingNonMarkdownAndFallback() async throws {
    let result = try await check([
      "en-us/page.md":
        "# P\n\n[!INCLUDE [m](missing.md)]\n[!INCLUDE [t](notes.txt)]\n[!INCLUDE [x](inc/x.md)]\n",
      "en-us/notes.txt": "text\n",
      "en-us/inc/x.md": "English include.\n",
      "sv-se/page.md": "# P\n\n[!INCLUDE [x](inc/x.md)]\n",
    ])
    #expect(result.findings(.includeNotFound).count == 1)
    #expect(result.findings(.includeInvalid).count == 1)
    #expect(
      result.findings(.includeFallback) == [
        "sv-se/page.md:3:1 'sv-se/inc/x.md' is not translated: en-us/inc/x.md is included instead"
      ])
    #expect(result.all(.includeFallback).first?.severity == .info)
  }

  @Test func pathsOutsideTheRootAreNeverRead() async throws {
    let outside = try TemporaryTree(["secret.md": "## Secret heading\n"])
    defer { outside.remove() }
    let tree = try TemporaryTree([
      "en-us/page.md": """
      # P

      [!INCLUDE [up](../../escape.md)]
      [!INCLUDE [link](linked.md)]
      [bookmark](linked.md#secret-heading)
      """
    ])
    defer { tree.remove() }
    try tree.link("en-us/linked.md", to: outside.url.appendingPathComponent("secret.md").path)
    let result = try await check(path: tree.path)
    let outsideFindings = result.all(.pathOutsideRoot)
    #expect(outsideFindings.count == 4, "\(outsideFindings)")
    #expect(result.all(.bookmarkNotFound).isEmpty, "the secret file is never read")
    #expect(!result.diagnostics.contains { $0.message.contains("Secret") })
  }

  @Test func symlinkLoopIsAFindingNotAHang() async throws {
    let tree = try TemporaryTree(["en-us/page.md": "# P\n\n[!INCLUDE [x](loop.md)]\n"])
    defer { tree.remove() }
    try tree.link("en-us/loop.md", to: "loop2.md")
    try tree.link("en-us/loop2.md", to: "loop.md")
    try tree.link("en-us/dir-loop", to: ".")
    let result = try await check(path: tree.path)
    #expect(result.findings(.fileUnreadable).count == 2)
    #expect(result.findings(.includeNotFound).count == 1)
  }

  @Test func deepIncludeChainsAreBounded() async throws {
    var files = ["en-us/page.md": "# P\n\n[!INCLUDE [x](i0.md)]\n"]
    for index in 0..<1_000 { files["en-us/i\(index).md"] = "[!INCLUDE [x](i\(index + 1).md)]\n" }
    files["en-us/i1000.md"] = "End.\n"
    let result = try await check(files)
    #expect(result.all(.includeDepthExceeded).count == 1)
  }

  @Test func fanOutIsBoundedByMemoization() async throws {
    // Each level includes the next one ten times: 10^12 paths, 13 files.
    var files = [
      "en-us/page.md": "# P\n\n" + String(repeating: "[!INCLUDE [x](l0.md)]\n", count: 10)
    ]
    for level in 0..<12 {
      files["en-us/l\(level).md"] =
        "## L\(level)\n\n" + String(repeating: "[!INCLUDE [x](l\(level + 1).md)]\n", count: 10)
    }
    files["en-us/l12.md"] = "[top](#l0)\n"
    let result = try await check(files)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
  }
}
