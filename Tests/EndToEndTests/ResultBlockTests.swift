import Foundation
import TestSupport
import Testing

/// Innovation Engine result blocks bound to a scenario are compared as `ie test` compares
/// them; unbound ones are listed and checked statically.
@Suite struct ResultBlockTests {
  static let output = """
    Created resource group rg-demo in eastus
    Provisioning state: Succeeded

    """

  func project(_ page: String) throws -> TemporaryTree {
    try TemporaryTree([
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        demo:
          command: [sh, prog.sh]
          emulator: none
      transcripts:
        - scenario: demo
          files: "**/page.md"
          info: output
      """,
      "docs/en-us/page.md": page,
      "prog.sh":
        "printf 'Created resource group rg-demo in eastus\\nProvisioning state: Succeeded\\n'\n",
      "golden/demo.txt": Self.output,
    ])
  }

  static let page = """
    # Demo

    ```bash
    ./create.sh
    ```

    <!-- expected_similarity=0.8 -->
    ```output
    Created resource group rg-test in westus
    Provisioning state: Succeeded
    ```

    <!-- expected_similarity="Provisioning state: (Succeeded|Running)" -->
    ```output
    Provisioning state: Running
    ```
    """

  @Test func similarEnoughOutputAndAMatchingRegexPass() async throws {
    let tree = try project(Self.page)
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(
      result.stdout == "docproof: no problems in 1 file; 1 scenario run, 2 of 2 transcripts match\n"
    )
  }

  @Test func aResultBelowItsSimilarityOrWithoutAMatchIsDrift() async throws {
    let tree = try project(
      Self.page.replacingOccurrences(
        of: "expected_similarity=0.8", with: "expected_similarity=0.99"
      )
      .replacingOccurrences(of: "(Succeeded|Running)", with: "Failed"))
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs", "--no-run"], in: tree.url)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "docs/en-us/page.md:8:1: error: this result block is 0.94 similar to the output of 'demo', below its expected_similarity=0.99 [transcript-drift]",
        "    note: it answers the command on line 3",
        "    note: the output is ../golden/demo.txt; Innovation Engine would fail this step",
        "docs/en-us/page.md:14:1: error: the output of 'demo' has no match for this result block's \"Provisioning state: Failed\" [transcript-drift]",
        "    note: it answers the command on line 3",
        "    note: the output is ../golden/demo.txt; Innovation Engine would fail this step",
        "docproof: 2 errors, 0 warnings in 1 file; nothing run (--no-run), 0 of 2 transcripts match their golden files",
      ])
  }

  @Test func unboundResultBlocksAreListedWithTheCommandTheyAnswer() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": "frontMatter:\n  required: []\n",
      "docs/en-us/page.md": Self.page,
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["transcripts", "docs"], in: tree.url)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        PAGE           INCLUDE  PIVOT  LOCALE  LINE  SCENARIO
        en-us/page.md  -        (all)  en-us   8     - (expected_similarity=0.8, answers line 3)
        en-us/page.md  -        (all)  en-us   14    - (expected_similarity="Provisioning state: (Succeeded|Running)", answers line 3)
        docproof: 2 transcripts in 2 blocks

        """)
    let check = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(check.stdout == "docproof: no problems in 1 file\n")
  }
}
