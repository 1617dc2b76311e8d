import Checks
import DocModel
import Testing

@Suite struct SuppressionTests {
  @Test func nextLineAndRegions() async throws {
    let result = try await check([
      "en-us/page.md": """
      # P

      <!-- docproof-disable-next-line file-not-found -->
      [a](a.md)
      [b](b.md)

      <!-- docproof-disable file-not-found -->
      [c](c.md) [d](#d)
      <!-- docproof-enable file-not-found -->
      [e](e.md)

      <!-- docproof-disable-next-line -->
      [f](f.md) [g](#g)
      """
    ])
    #expect(result.all(.fileNotFound).map(\.line) == [5, 10])
    #expect(result.all(.bookmarkNotFound).map(\.line) == [8], "a disable names its rules only")
  }

  @Test func severitiesIgnoresAndLocalesFromConfiguration() async throws {
    let files = [
      "docproof.yml": """
      frontMatter:
        required: []
      rules:
        file-not-found: warning
        bookmark-not-found: off
      ignore:
        - en-us/archive/**
        - path: en-us/legacy.md
          rules: [file-not-found]
      """,
      "en-us/page.md": "# P\n\n[a](a.md) [b](#b)\n",
      "en-us/archive/old.md": "# Old\n\n[z](z.md)\n",
      "en-us/legacy.md": "# L\n\n[y](y.md)\n",
      "sv-se/page.md": "# P\n\n[a](a.md)\n",
    ]
    let result = try await check(files)
    #expect(result.all(.fileNotFound).map(\.path) == ["en-us/page.md", "sv-se/page.md"])
    #expect(result.all(.fileNotFound).allSatisfy { $0.severity == .warning })
    #expect(result.all(.bookmarkNotFound).isEmpty)
    let swedish = try await check(files, options: CheckOptions(locales: ["sv-se"]))
    #expect(swedish.diagnostics.map(\.path) == ["sv-se/page.md"])
  }
}
