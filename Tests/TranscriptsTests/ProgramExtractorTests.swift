import DocSite
import TestSupport
import Testing
import Transcripts

@Suite struct ProgramExtractorTests {
  func site(_ files: [String: String]) async throws -> Site {
    var files = files
    files["docproof.yml"] = "frontMatter:\n  required: []\n"
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    return try await Site.load(root: tree.path, knownRules: [])
  }

  static let page = """
    # Page

    ::: zone pivot="python"
    [!INCLUDE [p](py.md)]
    ::: zone-end

    ::: zone pivot="java"
    [!INCLUDE [j](java.md)]
    ::: zone-end
    """

  @Test func allPythonBlocksOfTheFilesOnThePivotInOrder() async throws {
    let site = try await site([
      "en-us/page.md": Self.page,
      "en-us/py.md":
        "```python\nimport os\n```\n\nText.\n\n```console\npip install x\n```\n\n```py\nprint(os.name)\n```\n",
      "en-us/java.md": "```python\nprint('not on the python pivot')\n```\n",
      "sv-se/page.md": Self.page,
      "sv-se/py.md": "```python\nimport os\n```\n\n```py\nprint(os.name)\n```\n",
    ])
    let programs = ProgramExtractor.programs(language: "python", pivot: "python", site: site)
    #expect(programs.map(\.file) == ["en-us/py.md", "sv-se/py.md"])
    #expect(programs[0].source == "import os\n\nprint(os.name)\n")
    #expect(programs[0].line == 1)
    #expect(programs[0].pages == ["en-us/page.md"])
    #expect(programs[1].source == programs[0].source, "translations share the code")
  }

  @Test func markedBlocksWinOverTheRest() async throws {
    let site = try await site([
      "en-us/page.md": Self.page,
      "en-us/py.md": """
      ```python
      # a fragment explained in the text
      ```

      <!-- docproof: program python -->
      ```python
      print("the whole program")
      ```
      """,
    ])
    let programs = ProgramExtractor.programs(language: "python", pivot: "python", site: site)
    #expect(programs.map(\.source) == ["print(\"the whole program\")\n"])
    #expect(programs.first?.line == 6)
  }
}
