import DocModel
import DocSite
import TestSupport
import Testing
import Transcripts

/// `program-output-drift`: a program and the transcript after it, compared without running
/// the program.
@Suite struct OutputConsistencyTests {
  /// The findings on a page showing `program` (in `language`) and then `transcript`, as
  /// `line: message`.
  func findings(
    _ language: String, _ program: String, _ transcript: String, extra: String = ""
  ) async throws -> [String] {
    let tree = try TemporaryTree([
      "docproof.yml": """
      frontMatter:
        required: []
      scenarios:
        demo:
          command: [./run]
      """,
      "en-us/page.md": """
      # Page

      ```\(language)
      \(program)
      ```
      \(extra)
      <!-- docproof: transcript demo -->
      ```console
      \(transcript)
      ```
      """,
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    let result = OutputConsistency.check(site, discovery: TranscriptFinder.find(in: site))
    #expect(result.programsChecked == 1)
    #expect(result.programsAgreeing == (result.diagnostics.isEmpty ? 1 : 0))
    return result.diagnostics.map { "\($0.line): \($0.message)" }
  }

  static let program = """
    console.log("Quickstart");
    const id = await create();
    console.log(`\\nCreated an identity with ID: ${id}`);
    console.log(token);
    console.log(`Deleted the identity with ID: ${id}`);
    """

  @Test func aMatchingTranscriptAgrees() async throws {
    let found = try await findings(
      "javascript", Self.program,
      """
      Quickstart

      Created an identity with ID: 8:acs:1
      eyJ0eXAi
      Deleted the identity with ID: 8:acs:1
      """)
    #expect(found == [])
  }

  @Test func aChangedStatementIsReportedWithTheLineItWasMeantToPrint() async throws {
    let found = try await findings(
      "javascript", Self.program.replacingOccurrences(of: "Deleted the", with: "Removed the"),
      """
      Quickstart

      Created an identity with ID: 8:acs:1
      eyJ0eXAi
      Deleted the identity with ID: 8:acs:1
      """)
    #expect(
      found == [
        "8: the program prints 'Removed the identity with ID: …' where the transcript shows 'Deleted the identity with ID: 8:acs:1'"
      ])
  }

  @Test func aTranscriptLineNoStatementPrints() async throws {
    // Without a value alone on its line, nothing can print an unknown line.
    let found = try await findings(
      "python",
      """
      print("Quickstart")
      print(f"Created {name}")
      """,
      """
      Quickstart
      Created demo
      Finished in 3 s
      """)
    #expect(found == ["12: no output statement of the program above prints 'Finished in 3 s'"])
  }

  @Test func linesInAnotherOrderThanTheProgramPrintsThem() async throws {
    let found = try await findings(
      "csharp",
      """
      Console.WriteLine("First");
      Console.WriteLine($"Second {x}");
      """,
      """
      Second 2
      First
      """)
    #expect(
      found == [
        "11: the program above prints 'First' elsewhere: no run shows the lines in this order"
      ])
    // A loop may print them in any order.
    let looped = try await findings(
      "csharp",
      """
      foreach (var x in items)
      {
          Console.WriteLine("First");
          Console.WriteLine($"Second {x}");
      }
      """,
      """
      Second 2
      First
      """)
    #expect(looped == [])
  }

  @Test func elisionErrorHandlersAndStandardErrorNeedNotBeShown() async throws {
    let found = try await findings(
      "java",
      """
      System.out.println("Start");
      System.out.println("Middle " + value);
      try {
          run();
      } catch (Exception exception) {
          System.out.println("Failed: " + exception.getMessage());
      }
      System.err.println("Diagnostics");
      System.out.println("End");
      """,
      """
      Start
      ...
      End
      """)
    #expect(found == [])
  }

  @Test func aShellScriptIsHeldOnlyToItsEchoes() async throws {
    // Commands print too: an unknown line is theirs. An echo nobody sees is a finding.
    let shown = try await findings(
      "bash",
      """
      az group create --name demo
      echo "Created resource group demo"
      """,
      """
      {"name": "demo"}
      Created resource group demo
      """)
    #expect(shown == [])
    let hidden = try await findings(
      "bash",
      """
      az group create --name demo
      echo "Created the resource group demo"
      """,
      """
      {"name": "demo"}
      """)
    #expect(
      hidden == [
        "5: the program prints 'Created the resource group demo', which no transcript after it shows"
      ])
  }

  @Test func aProgramMarkerChoosesTheBlocks() async throws {
    // The marked block is the program; the unmarked one above it is not.
    let found = try await findings(
      "python", "print(\"not the program\")", "From the marked one",
      extra: """

        <!-- docproof: program python -->
        ```python
        print("From the marked one")
        ```

        """)
    #expect(found == [])
  }
}
