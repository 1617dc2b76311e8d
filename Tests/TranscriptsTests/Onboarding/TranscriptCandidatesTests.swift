import DocModel
import DocSite
import TestSupport
import Testing
import Transcripts

/// Which code blocks `docproof init` offers as transcripts, and how it groups them.
@Suite struct TranscriptCandidatesTests {
  func candidates(_ files: [String: String]) async throws -> [TranscriptCandidate] {
    var files = files
    files["docproof.yml"] = files["docproof.yml"] ?? "frontMatter:\n  required: []\n"
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    return TranscriptCandidate.find(in: try await Site.load(root: tree.path, knownRules: []))
  }

  @Test func outputBlocksResultBlocksAndBlocksAnnouncedAsOutput() async throws {
    let found = try await candidates([
      "en-us/page.md": """
      # Page

      Run the following command:

      ```bash
      ./create.sh
      ```

      <!-- expected_similarity=0.8 -->
      ```json
      {"state": "Succeeded"}
      ```

      The output is similar to the following example:

      ```console
      Created
      ```

      The command returns:

      ```
      done
      ```

      ```output
      Deleted
      ```

      The output is similar to:

      ```python
      print("a program, not its output")
      ```
      """,
      // Translations show the same blocks: offered once, from the source.
      "sv-se/page.md": "# Sida\n\n```output\nDeleted\n```\n",
    ])
    #expect(
      found.map { "\($0.file):\($0.line) \($0.language) \($0.kind)" } == [
        "en-us/page.md:10 json resultBlock",
        "en-us/page.md:16 console afterOutputParagraph",
        "en-us/page.md:22  afterOutputParagraph",
        "en-us/page.md:26 output outputBlock",
      ])
  }

  @Test func blocksBoundByAMarkerAreNotOffered() async throws {
    let found = try await candidates([
      "docproof.yml": """
      frontMatter:
        required: []
      scenarios:
        demo:
          command: [./run]
      """,
      "en-us/page.md": """
      # Page

      <!-- docproof: transcript demo -->
      ```output
      bound
      ```

      ```output
      free
      ```
      """,
    ])
    #expect(found.map(\.line) == [8])
  }

  /// Two folder levels below the locale make a group; one file is named as itself.
  @Test func groupsByInfoStringAndFolderAcrossLocales() {
    func candidate(_ file: String, _ language: String) -> TranscriptCandidate {
      TranscriptCandidate(file: file, line: 1, language: language, kind: .outputBlock)
    }
    let groups = TranscriptCandidate.groups(
      [
        candidate("en-us/aks/a.md", "output"), candidate("en-us/aks/deep/b.md", "output"),
        candidate("en-us/aks/deep/er/c.md", "output"), candidate("en-us/cli/d.md", "output"),
        candidate("en-us/aks/a.md", "json"),
      ], localeFolder: "en-us")
    #expect(
      groups.map { "\($0.files) \($0.language) \($0.candidates.count)" } == [
        "*/aks/deep/** output 2", "*/aks/a.md json 1", "*/aks/a.md output 1",
        "*/cli/d.md output 1",
      ])
  }
}
