import Foundation
import TestSupport
import Testing

/// `docproof init`: a commented docproof.yml for the tree found, which reads back, matches
/// the schema, changes no finding, and offers the output-looking blocks as selectors.
@Suite struct InitCommandTests {
  func docsTree() throws -> TemporaryTree {
    let page = """
      ---
      title: Demo
      description: A demo.
      ms.date: 12/01/2026
      ms.topic: quickstart
      zone_pivot_groups: demo-languages
      ---
      # Demo

      ::: zone pivot="demo-python"

      Run the program:

      ```bash
      python demo.py
      ```

      The output is similar to:

      ```output
      Created an identity
      ```

      ::: zone-end

      ::: zone pivot="demo-swift"

      Run it, and you see:

      <!-- docproof: transcript demo -->
      ```console
      Created an identity
      ```

      ::: zone-end
      """
    let groups = """
      groups:
      - id: demo-languages
        title: Languages
        prompt: Choose a language
        pivots:
        - id: demo-python
          title: Python
        - id: demo-swift
          title: Swift
      """
    return try TemporaryTree([
      "docs/en-us/quickstart.md": page,
      "docs/en-us/zone-pivot-groups.yml": groups,
      "docs/sv-se/quickstart.md": page,
      "docs/sv-se/zone-pivot-groups.yml": groups,
      "golden/demo.txt": "Created an identity\n",
    ])
  }

  @Test func writesAFileThatReadsBackAndChangesNoFinding() async throws {
    let tree = try docsTree()
    defer { tree.remove() }
    let before = try await BinaryRunner.docproof(["check", "docs", "--no-run"], in: tree.url)

    let result = try await BinaryRunner.docproof(["init"], in: tree.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "docproof: wrote docs/docproof.yml (1 code block that look like output, as selectors to bind to scenarios)\n"
    )
    let written = tree.url.appendingPathComponent("docs/docproof.yml")
    let text = try String(contentsOf: written, encoding: .utf8)
    #expect(text.hasPrefix("# yaml-language-server: $schema=https://"))
    #expect(text.contains("\nsourceLocale: 'en-us'\nlocales: ['sv-se']\n"))
    #expect(text.contains("#   demo-languages: demo-python, demo-swift\n"))
    // The marked block is bound already; the ```bash command is code, not output.
    #expect(
      text.contains(
        """
        #   # 1 ```output block, e.g. en-us/quickstart.md:20
        #   - scenario: NAME
        #     files: '*/quickstart.md'
        #     info: 'output'
        #     lead: '(?i)
        """))
    #expect(try await ConfigurationSchemaValidator.prepare().errors([written.path]) == [])

    // The file sets what docproof assumed: the findings are the same. (A transcript
    // marker naming no scenario is one of them.)
    let after = try await BinaryRunner.docproof(["check", "docs", "--no-run"], in: tree.url)
    #expect(after.stdout == before.stdout)
    #expect(after.status == before.status)

    let again = try await BinaryRunner.docproof(["init"], in: tree.url)
    #expect(again.status == 2)
    #expect(
      again.stderr
        == "docproof: docs/docproof.yml exists: nothing written ('docproof init --stdout' prints what init would write)\n"
    )
    #expect(try String(contentsOf: written, encoding: .utf8) == text)
    let printed = try await BinaryRunner.docproof(["init", "--stdout"], in: tree.url)
    #expect(printed.status == 0)
    #expect(printed.stdout == text)
  }

  @Test func aSelectorItWritesBindsTheBlockItNamed() async throws {
    let tree = try docsTree()
    defer { tree.remove() }
    let printed = try await BinaryRunner.docproof(["init", "--stdout"], in: tree.url)
    // Uncomment the selector as a writer would, and name a scenario.
    let lines = printed.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "# transcripts:"))
    var selector = ["transcripts:"]
    for line in lines[(start + 1)...] where line.hasPrefix("#   ") && !line.hasPrefix("#   #") {
      selector.append(String(line.dropFirst()).replacingOccurrences(of: "NAME", with: "demo"))
    }
    let configuration =
      (lines[..<start].joined(separator: "\n") + "\n" + selector.joined(separator: "\n"))
        + """

        project: ..
        scenarios:
          demo:
            command: [printf, 'Created an identity\\n']
            emulator: none
        """
    try Data(configuration.utf8).write(to: tree.url.appendingPathComponent("docs/docproof.yml"))
    let listed = try await BinaryRunner.docproof(["transcripts", "docs"], in: tree.url)
    #expect(listed.status == 0, "\(listed.stderr)")
    // Both locales' blocks: the selector's glob names every locale's copy.
    for locale in ["en-us", "sv-se"] {
      #expect(
        listed.stdout.contains(
          "\(locale)/quickstart.md  -        demo-python  \(locale)   20    demo"),
        "\(listed.stdout)")
    }
    #expect(listed.stdout.hasSuffix("docproof: 4 transcripts in 4 blocks\n"))
    let checked = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(checked.status == 0, "\(checked.stdout)")
    #expect(checked.stdout.contains("4 of 4 transcripts match"), "\(checked.stdout)")
  }

  @Test func aLearnRepositoryGetsItsDocsetsAndCandidatesAndNoChangedFinding() async throws {
    let folder = try Fixtures.temporaryDirectory("init-learn")
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("azure-docs-cli")
    try FileManager.default.copyItem(
      at: Fixtures.corpora.appendingPathComponent("azure-docs-cli"), to: copy)
    let result = try await BinaryRunner.docproof(["init"], in: copy)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("docproof: wrote docproof.yml ("))
    let written = copy.appendingPathComponent("docproof.yml")
    Golden.check(
      try String(contentsOf: written, encoding: .utf8),
      against: Fixtures.url("learn").appendingPathComponent("azure-docs-cli.init.golden"))
    #expect(try await ConfigurationSchemaValidator.prepare().errors([written.path]) == [])
    let checked = try await BinaryRunner.docproof(["check"], in: copy)
    Golden.check(
      checked.stdout,
      against: Fixtures.url("learn").appendingPathComponent("azure-docs-cli.check.golden"))
  }
}
