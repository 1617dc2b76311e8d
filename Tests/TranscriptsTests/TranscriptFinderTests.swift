import CheckPipeline
import Checks
import DocModel
import DocSite
import TestSupport
import Testing
import Transcripts

@Suite struct TranscriptFinderTests {
  static let configuration = """
    frontMatter:
      required: []
    scenarios:
      access-tokens:
        command: [./run]
    """

  func discover(_ files: [String: String]) async throws -> TranscriptDiscovery {
    var files = files
    if files["docproof.yml"] == nil { files["docproof.yml"] = Self.configuration }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    return TranscriptFinder.find(in: site)
  }

  @Test func markerThenFencedBlock() async throws {
    let discovery = try await discover([
      "en-us/page.md": """
      # Page

      <!-- docproof: transcript access-tokens -->

      ```console
      Azure Communication Services - Access Tokens Quickstart
      ```

      <!-- docproof: transcript access-tokens -->
      Some text in between.

      ```console
      not a transcript
      ```

      <!-- docproof: transcript acess-tokens -->
      ```console
      unknown scenario
      ```

      <!-- docproof: transcript -->
      """
    ])
    #expect(discovery.blocks.map(\.line) == [5])
    #expect(discovery.blocks.first?.markerLine == 3)
    #expect(
      discovery.blocks.first?.text == "Azure Communication Services - Access Tokens Quickstart\n")
    #expect(discovery.diagnostics.map(\.line) == [9, 16, 21])
    #expect(discovery.diagnostics.allSatisfy { $0.rule == .transcriptMarkerInvalid })
    #expect(discovery.diagnostics[1].notes.first == "did you mean 'access-tokens'?")
    #expect(discovery.occurrences.map(\.pivots) == [[]])
  }

  @Test func transcriptsInIncludesBelongToTheZonesThatIncludeThem() async throws {
    let discovery = try await discover([
      "en-us/page.md": """
      # Page

      ::: zone pivot="python"
      [!INCLUDE [p](shared.md)]
      ::: zone-end

      ::: zone pivot="java,go"
      [!INCLUDE [j](shared.md)]
      ::: zone-end
      """,
      "en-us/shared.md": "<!-- docproof: transcript access-tokens -->\n```console\nout\n```\n",
      "sv-se/page.md":
        "# Sida\n\n::: zone pivot=\"go\"\n[!INCLUDE [p](../en-us/shared.md)]\n::: zone-end\n",
    ])
    #expect(discovery.blocks.count == 1)
    let summary = discovery.occurrences.map { "\($0.page) \($0.locale) \($0.pivots)" }.sorted()
    #expect(
      summary == [
        "en-us/page.md en-us [\"go\", \"java\"]", "en-us/page.md en-us [\"python\"]",
        "sv-se/page.md sv-se [\"go\"]",
      ])
  }

  @Test func nestedZonesNarrowThePivots() async throws {
    let discovery = try await discover([
      "en-us/page.md": "::: zone pivot=\"a,b\"\n[!INCLUDE [x](inc.md)]\n::: zone-end\n",
      "en-us/inc.md":
        "::: zone pivot=\"b,c\"\n<!-- docproof: transcript access-tokens -->\n```\nx\n```\n::: zone-end\n",
    ])
    #expect(discovery.occurrences.map(\.pivots) == [["b"]])
  }

  @Test func selectorsPickBlocksInTreesWithoutMarkers() async throws {
    let discovery = try await discover([
      "docproof.yml": Self.configuration + """

        transcripts:
          - scenario: access-tokens
            files: "en-us/includes/**"
            info: console
            lead: "(?i)output"
            contains: "^Azure Communication Services"
        """,
      "en-us/includes/js.md": """
      Run it:

      ```console
      node app.js
      ```

      The output looks like this:

      ```console
      Azure Communication Services - Access Tokens Quickstart
      ```

      The output looks like this:

      ```text
      Azure Communication Services - Access Tokens Quickstart
      ```
      """,
      "en-us/other.md": "The output:\n\n```console\nAzure Communication Services\n```\n",
    ])
    #expect(discovery.blocks.map { "\($0.file):\($0.line)" } == ["en-us/includes/js.md:9"])
    #expect(discovery.blocks.first?.markerLine == nil)
  }

  @Test func selectorNamingAnUnknownScenarioIsAConfigurationError() async throws {
    let tree = try TemporaryTree([
      "docproof.yml": Self.configuration + "\ntranscripts:\n  - scenario: other\n",
      "en-us/a.md": "# A\n",
    ])
    defer { tree.remove() }
    await #expect(throws: SiteError.self) {
      _ = try await Site.load(root: tree.path, knownRules: [])
    }
  }

  @Test func shippedDocsHaveATranscriptPerPivotAndLocale() async throws {
    // The shipped docproof.yml sets rule severities: it is read with every rule known.
    let site = try await Site.load(
      root: Fixtures.repositoryRoot.appendingPathComponent("docs").path,
      knownRules: RuleRegistry.knownIDs)
    let discovery = TranscriptFinder.find(in: site)
    #expect(discovery.diagnostics.isEmpty)
    #expect(discovery.occurrences.count == 30)
    #expect(Set(discovery.blocks.map(\.scenario)) == ["access-tokens", "sign-request"])
    #expect(Set(discovery.occurrences.map(\.locale)) == ["en-us", "sv-se", "de-de"])
    #expect(
      Set(discovery.occurrences.flatMap(\.pivots)) == [
        "programming-language-swift", "programming-language-python",
        "programming-language-javascript", "programming-language-csharp",
        "programming-language-java",
      ])
  }
}

@Suite struct MarkerTests {
  @Test func parsing() {
    #expect(
      Marker.parse("docproof: transcript access-tokens")
        == Marker(kind: "transcript", argument: "access-tokens"))
    #expect(
      Marker.parse(" docproof:snippet ../x.swift#main ")
        == Marker(kind: "snippet", argument: "../x.swift#main"))
    #expect(Marker.parse("docproof-disable-next-line x") == nil)
    #expect(Marker.parse("a comment") == nil)
  }
}
