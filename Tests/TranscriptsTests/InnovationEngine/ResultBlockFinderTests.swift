import DocModel
import Testing
import Transcripts

/// Innovation Engine's result blocks, found as `ie` finds them.
@Suite struct ResultBlockFinderTests {
  func find(_ markdown: String) -> (results: [ResultBlock], findings: [String]) {
    let page = PageParser.parse(bytes: Array(markdown.utf8), path: "page.md")
    let found = ResultBlockFinder.find(in: page, path: "page.md")
    return (found.results, found.diagnostics.map { "\($0.line) \($0.message)" })
  }

  @Test func aMarkerMakesTheNextNonBashBlockTheResultOfTheLastCommand() {
    let (results, findings) = find(
      """
      ```azurecli
      az group create --name rg
      ```

      Some text.

      <!-- expected_similarity=0.3 -->
      ```json
      {"name": "rg"}
      ```

      ```bash
      kubectl get nodes
      ```

      <!-- expected_similarity="aks-[a-z]+-[0-9]+" -->

      ```output
      aks-nodepool-123
      ```
      """)
    #expect(findings == [])
    #expect(results.map(\.line) == [8, 18])
    #expect(results.map(\.commandLine) == [1, 12])
    #expect(results.map(\.expectation) == [.similarity(0.3), .regex("aks-[a-z]+-[0-9]+")])
  }

  @Test func aPendingMarkerTakesAnAzureCLIBlockAsItsResultAsIeDoes() {
    let (results, _) = find(
      """
      ```bash
      echo one
      ```
      <!-- expected_similarity=0.5 -->
      ```azurecli
      az version
      ```
      """)
    #expect(results.map(\.line) == [5])
  }

  @Test func whatIeDropsSilentlyIsReported() {
    let (results, findings) = find(
      """
      <!-- expected_similarity=0.8 -->
      ```output
      before any command
      ```

      ```bash
      echo hi
      ```

      <!-- expected_similarity=1.5 -->
      <!-- expected_similarity=.8 -->
      <!-- expected_similarity="([unclosed" -->
      <!-- expected_similarity=0.9 -->
      ```json
      not json
      ```

      <!-- expected_similarity=0.7 -->
      """)
    #expect(results.map(\.line) == [14])
    #expect(
      findings == [
        "2 this result block answers no command: no bash, azurecli or terraform block comes before it",
        "10 expected_similarity=1.5 is outside 0 to 1: a similarity above 1 never passes, so the step always fails",
        "11 '.8' is not a similarity Innovation Engine reads: write a number from 0 to 1 such as 0.8, or a quoted regular expression",
        "12 '([unclosed' is not a regular expression that compiles: Innovation Engine stops reading the page here",
        "14 this json result block is not a JSON object: Innovation Engine fails the step whatever the output",
        "18 this expected_similarity marker is not followed by a fenced result block",
      ])
  }

  @Test func otherCommentsAreNotMarkers() {
    let (results, findings) = find(
      "```bash\nls\n```\n<!-- a \"quoted\" note -->\n```text\nx\n```\n")
    #expect(results.isEmpty && findings.isEmpty)
  }
}
