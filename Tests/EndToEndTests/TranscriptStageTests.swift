import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `check` and `golden` with scenarios, on small trees whose "reference implementation" is
/// a shell script.
@Suite struct TranscriptStageTests {
  static let output = """
    Quickstart

    Created an identity with ID: 8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-0000-0000-000000000001
    Token expires at 2023-10-19T15:35:25.8305618+00:00

    Deleted the identity with ID: 8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-0000-0000-000000000001

    """

  /// A project: `docs/` with one page and a scenario running `prog.sh`, `golden/`.
  func project(
    script: String = "cat expected.txt", golden: String? = output, transcript: String? = nil,
    timeout: Int = 60, extraPage: String = ""
  ) throws -> TemporaryTree {
    let shown =
      transcript ?? """
        Quickstart

        Created an identity with ID: 8:acs:4ccc92c8-9815-4422-bddc-ceea181dc774_00000006-19e0-2727-80f5-8b3a0d003502
        Token expires at 10/11/2022 7:34:29 AM +00:00

        Deleted the identity with ID: 8:acs:4ccc92c8-9815-4422-bddc-ceea181dc774_00000006-19e0-2727-80f5-8b3a0d003502
        """
    var files = [
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        demo:
          command: [sh, prog.sh]
          emulator: none
          timeout: \(timeout)
      """,
      "docs/en-us/page.md": """
      # Demo

      Run it, and you see:

      <!-- docproof: transcript demo -->
      ```console
      \(shown)
      ```
      \(extraPage)
      """,
      "prog.sh": script + "\n",
      "expected.txt": Self.output,
    ]
    if let golden { files["golden/demo.txt"] = golden }
    return try TemporaryTree(files)
  }

  func check(_ tree: TemporaryTree, _ extra: [String] = []) async throws -> BinaryRunner.Result {
    try await BinaryRunner.docproof(["check", "docs"] + extra, in: tree.url)
  }

  @Test func matchingTranscriptPasses() async throws {
    let tree = try project()
    defer { tree.remove() }
    let result = try await check(tree)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(
      result.stdout
        == "docproof: no problems in 1 file; 1 scenario run, 1 of 1 transcript match\n")
  }

  /// What ran and what was compared is in every report: the summary line, the JSON summary,
  /// and JUnit test cases (skipped with --no-run), so a CI test tab shows them.
  @Test func theReportsSayWhatRanAndWhatWasCompared() async throws {
    let tree = try project(
      transcript:
        "Quickstart\n\nCreated an identity: [..]\nToken expires at [..]\n\nDeleted the identity with ID: [..]"
    )
    defer { tree.remove() }
    let notRun = try await check(tree, ["--no-run"])
    #expect(
      notRun.stdout.hasSuffix(
        "docproof: 1 error, 0 warnings in 1 file; nothing run (--no-run), 0 of 1 transcript match their golden files\n"
      ))
    let json = try await check(tree, ["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let proven = try #require(
      (object["summary"] as? [String: Any])?["proven"] as? [String: Any])
    #expect(proven["ran"] as? Bool == true)
    let scenario = try #require((proven["scenarios"] as? [[String: Any]])?.first)
    #expect(scenario["name"] as? String == "demo" && scenario["result"] as? String == "passed")
    #expect(scenario["seconds"] is Double)
    let transcripts = try #require(proven["transcripts"] as? [[String: Any]])
    #expect(transcripts.count == 1)
    #expect(transcripts.first?["path"] as? String == "docs/en-us/page.md")
    #expect(transcripts.first?["matched"] as? Bool == false)

    let junit = try await check(tree, ["--format", "junit"])
    #expect(junit.stdout.contains("<testsuite name=\"scenarios\" tests=\"1\" failures=\"0\""))
    #expect(junit.stdout.contains("<testcase classname=\"docproof.command\" name=\"demo\""))
    #expect(junit.stdout.contains("<testsuite name=\"transcripts\" tests=\"1\" failures=\"1\""))
    #expect(
      junit.stdout.contains(
        "<testcase classname=\"docproof.transcript\" name=\"docs/en-us/page.md:6 (demo)\""))
    let skipped = try await check(tree, ["--format", "junit", "--no-run"])
    #expect(skipped.stdout.contains("<skipped message=\"not run (--no-run)\"/>"))
    #expect(skipped.stdout != junit.stdout)
  }

  @Test func driftingTranscriptPointsIntoThePage() async throws {
    let tree = try project(
      transcript:
        "Quickstart\n\nCreated an identity: [..]\nToken expires at [..]\n\nDeleted the identity with ID: [..]"
    )
    defer { tree.remove() }
    let result = try await check(tree)
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "docs/en-us/page.md:6:1: error: this transcript of 'demo' differs from ../golden/demo.txt [transcript-drift]"
      ))
    #expect(
      result.stdout.contains("@@ -7,6 +1,6 @@"), "page lines: the block's content starts on line 7")
    #expect(result.stdout.contains("-Created an identity: [..]"))
    #expect(result.stdout.contains("+Created an identity with ID: [IDENTITY-1]"))
  }

  @Test func wildcardsMatch() async throws {
    let tree = try project(transcript: "Quickstart\n...\nDeleted the identity with ID: [..]")
    defer { tree.remove() }
    #expect(try await check(tree).status == 0)
  }

  @Test func staleAndMissingGoldens() async throws {
    let stale = try project(
      golden: Self.output.replacingOccurrences(of: "Deleted", with: "Removed"))
    defer { stale.remove() }
    let staleResult = try await check(stale)
    #expect(
      staleResult.stdout.contains(
        "golden/demo.txt:1:1: error: the output of scenario 'demo' differs from its golden file [golden-stale]"
      ))
    #expect(
      staleResult.stdout.contains("transcript-drift"), "the page matches the run, not the golden")
    let noRun = try await check(stale, ["--no-run"])
    #expect(!noRun.stdout.contains("golden-stale"))

    let missing = try project(golden: nil)
    defer { missing.remove() }
    let missingResult = try await check(missing)
    #expect(missingResult.status == 1)
    #expect(missingResult.stdout.contains("scenario 'demo' has no golden file [golden-missing]"))
    let dry = try await BinaryRunner.docproof(["golden", "update", "--dry-run"], in: missing.url)
    #expect(dry.status == 0)
    #expect(dry.stdout.hasPrefix("--- /dev/null\n+++ ../golden/demo.txt\n"))
    #expect(dry.stdout.hasSuffix("docproof: would write ../golden/demo.txt\n"))
    #expect(
      !FileManager.default.fileExists(
        atPath: missing.url.appendingPathComponent("golden/demo.txt").path))
    let update = try await BinaryRunner.docproof(["golden", "update"], in: missing.url)
    #expect(update.status == 0)
    #expect(update.stdout.hasPrefix("--- /dev/null\n+++ ../golden/demo.txt\n"))
    #expect(update.stdout.hasSuffix("docproof: wrote ../golden/demo.txt\n"))
    #expect(
      try String(contentsOf: missing.url.appendingPathComponent("golden/demo.txt"), encoding: .utf8)
        == Self.output)
    #expect(try await check(missing).status == 0)
    let again = try await BinaryRunner.docproof(["golden", "update", "demo"], in: missing.url)
    #expect(again.stdout == "docproof: ../golden/demo.txt is up to date\n")
  }

  @Test func goldenWithCRLFMatches() async throws {
    let tree = try project(golden: Self.output.replacingOccurrences(of: "\n", with: "\r\n"))
    defer { tree.remove() }
    #expect(try await check(tree).status == 0)
    let golden = try await BinaryRunner.docproof(["golden", "check"], in: tree.url)
    #expect(golden.status == 0)
  }

  @Test func failingTimedOutMissingAndBinaryPrograms() async throws {
    let cases: [(String, Int, String)] = [
      (
        "echo 'Traceback: NameError: name x is not defined' >&2; exit 3", 60,
        "failed: its program exited with status 3"
      ),
      ("sleep 30", 1, "timed out"),
      ("printf 'a\\000b'", 60, "printed binary output"),
    ]
    for (script, timeout, expected) in cases {
      let tree = try project(script: script, timeout: timeout)
      defer { tree.remove() }
      let result = try await check(tree)
      #expect(result.status == 1)
      #expect(
        result.stdout.contains("docs/docproof.yml:5:1: error: scenario 'demo' \(expected)"),
        "\(result.stdout)")
      #expect(result.stdout.contains("[reference-failed]"))
    }
    let failing = try project(script: "echo 'NameError: name x is not defined' >&2; exit 1")
    defer { failing.remove() }
    #expect(
      try await check(failing).stdout.contains("NameError: name x is not defined"),
      "the stderr tail is quoted")
  }

  @Test func commandThatDoesNotExist() async throws {
    let tree = try project()
    defer { tree.remove() }
    try tree.write([
      "docs/docproof.yml":
        "frontMatter:\n  required: []\nproject: ..\nscenarios:\n  demo:\n    command: [./no-such-program]\n    emulator: none\n"
    ])
    let result = try await check(tree)
    #expect(result.status == 1)
    #expect(result.stdout.contains("could not start: ./no-such-program does not exist"))
  }

  @Test func unknownScenarioInAMarker() async throws {
    let tree = try project(extraPage: "\n<!-- docproof: transcript dmeo -->\n```console\nx\n```\n")
    defer { tree.remove() }
    let result = try await check(tree)
    #expect(
      result.stdout.contains(
        "transcript marker names unknown scenario 'dmeo' [transcript-marker-invalid]"))
  }

  @Test func killedGoldenUpdateLeavesTheOldOrTheNewFileWhole() async throws {
    // A large output makes the write window wide enough to hit.
    let big = String(repeating: "Created an identity with ID: 8:acs:x_1\n", count: 200_000)
    let tree = try project(script: "cat big.txt", golden: "old golden\n")
    defer { tree.remove() }
    try tree.write(["big.txt": big])
    let golden = tree.url.appendingPathComponent("golden/demo.txt")
    for attempt in 0..<12 {
      try Data("old golden\n".utf8).write(to: golden)
      try await BinaryRunner.docproofKilled(["golden", "update"], in: tree.url) { _ in
        try await Task.sleep(for: .milliseconds(50 + attempt * 40))
      }
      let text = try String(contentsOf: golden, encoding: .utf8)
      #expect(text == "old golden\n" || text == big, "attempt \(attempt): a partial golden file")
    }
    // Leftovers of killed writes are cleaned up by the next successful update.
    let update = try await BinaryRunner.docproof(["golden", "update"], in: tree.url)
    #expect(update.status == 0)
    #expect(try String(contentsOf: golden, encoding: .utf8) == big)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: golden.deletingLastPathComponent().path)
    #expect(leftovers == ["demo.txt"])
  }
}

@Suite struct FixCommandTests {
  @Test func fixRewritesOnlyDriftingBlocksAndIsIdempotent() async throws {
    let tree = try TranscriptStageTests().project(
      transcript:
        "Quickstart\n\nMade an identity: 8:acs:aaaa_1\nToken expires at 10/11/2022 7:34:29 AM +00:00\n\nDeleted the identity with ID: 8:acs:aaaa_1"
    )
    defer { tree.remove() }
    let page = tree.url.appendingPathComponent("docs/en-us/page.md")
    let before = try String(contentsOf: page, encoding: .utf8)
    let fixed = try await BinaryRunner.docproof(["check", "docs", "--fix"], in: tree.url)
    #expect(fixed.status == 0, "\(fixed.stdout)")
    #expect(fixed.stderr.contains("docproof: fixed docs/en-us/page.md:6 (transcript of 'demo')"))
    #expect(fixed.stderr.contains("-Made an identity: 8:acs:aaaa_1"))
    #expect(fixed.stderr.contains("+Created an identity with ID: 8:acs:aaaa_1"))
    let after = try String(contentsOf: page, encoding: .utf8)
    #expect(
      after
        == before.replacingOccurrences(
          of: "Made an identity: ", with: "Created an identity with ID: "))
    let again = try await BinaryRunner.docproof(["check", "docs", "--fix"], in: tree.url)
    #expect(again.status == 0)
    #expect(again.stderr == "docproof: nothing to fix\n")
    #expect(try String(contentsOf: page, encoding: .utf8) == after)
  }

  /// The report after --fix is the tree as the fix left it: checked again.
  @Test func fixReportsTheStateAfterTheFix() async throws {
    let tree = try TranscriptStageTests().project(
      transcript:
        "Quickstart\n\nMade an identity: 8:acs:aaaa_1\nToken expires at 10/11/2022 7:34:29 AM +00:00\n\nDeleted the identity with ID: 8:acs:aaaa_1"
    )
    defer { tree.remove() }
    let fixed = try await BinaryRunner.docproof(["check", "docs", "--fix"], in: tree.url)
    #expect(fixed.status == 0)
    #expect(
      fixed.stdout
        == "docproof: no problems in 1 file; 1 scenario run, 1 of 1 transcript match\n",
      "the drift it fixed is gone")
  }

  @Test func fixDryRunPrintsTheChangeAndWritesNothing() async throws {
    let tree = try TranscriptStageTests().project(
      transcript:
        "Quickstart\n\nMade an identity: 8:acs:aaaa_1\nToken expires at 10/11/2022 7:34:29 AM +00:00\n\nDeleted the identity with ID: 8:acs:aaaa_1"
    )
    defer { tree.remove() }
    let page = tree.url.appendingPathComponent("docs/en-us/page.md")
    let before = try Data(contentsOf: page)
    let dry = try await BinaryRunner.docproof(
      ["check", "docs", "--fix", "--dry-run"], in: tree.url)
    #expect(dry.status == 1, "the drift is still there")
    #expect(dry.stderr.contains("docproof: would fix docs/en-us/page.md:6 (transcript of 'demo')"))
    #expect(dry.stderr.contains("+Created an identity with ID: 8:acs:aaaa_1"))
    #expect(dry.stdout.contains("[transcript-drift]"))
    #expect(try Data(contentsOf: page) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: page.deletingLastPathComponent().path) == ["page.md"], "no temporary file either")
  }

  /// In CI, writing into the checkout is refused unless asked for; a dry run still shows it.
  @Test func inCIWritesAreRefusedUnlessAskedFor() async throws {
    let tree = try TranscriptStageTests().project(
      golden: "stale\n",
      transcript:
        "Quickstart\n\nMade an identity: 8:acs:aaaa_1\nToken expires at 10/11/2022 7:34:29 AM +00:00\n\nDeleted the identity with ID: 8:acs:aaaa_1"
    )
    defer { tree.remove() }
    let page = tree.url.appendingPathComponent("docs/en-us/page.md")
    let golden = tree.url.appendingPathComponent("golden/demo.txt")
    let before = try Data(contentsOf: page)
    let commands: [[String]] = [["check", "docs", "--fix"], ["golden", "update"]]
    for command in commands {
      let refused = try await BinaryRunner.docproof(
        command, in: tree.url, environment: ["CI": "true"])
      #expect(refused.status == 2, "\(command)")
      #expect(refused.stdout == "")
      #expect(
        refused.stderr
          == "docproof: \(command[0] == "check" ? "--fix" : "golden update") writes into the checkout and CI is set: nothing written; add --dry-run to see the changes, or --write-in-ci to write them\n"
      )
      #expect(try Data(contentsOf: page) == before)
      #expect(try String(contentsOf: golden, encoding: .utf8) == "stale\n")
      let dry = try await BinaryRunner.docproof(
        command + ["--dry-run"], in: tree.url, environment: ["CI": "1"])
      #expect(dry.status != 2, "\(command): \(dry.stderr)")
    }
    let asked = try await BinaryRunner.docproof(
      ["golden", "update", "--write-in-ci"], in: tree.url,
      environment: ["CI": "1"])
    #expect(asked.status == 0, "\(asked.stderr)")
    #expect(try String(contentsOf: golden, encoding: .utf8) == TranscriptStageTests.output)
  }

  /// A golden file this run shows wrong (the program prints something else) is never
  /// written into the pages: every page stays byte for byte.
  @Test func aStaleGoldenFileBlocksFixAndLeavesEveryPageAsItWas() async throws {
    let tree = try TranscriptStageTests().project(
      golden: TranscriptStageTests.output.replacingOccurrences(
        of: "Deleted the identity", with: "Removed the identity"),
      transcript:
        "Quickstart\n\nCreated an identity with ID: 8:acs:aaaa_1\nToken expires at 10/11/2022 7:34:29 AM +00:00\n\nDeleted the identity with ID: 8:acs:aaaa_1"
    )
    defer { tree.remove() }
    let page = tree.url.appendingPathComponent("docs/en-us/page.md")
    let before = try Data(contentsOf: page)
    let fixed = try await BinaryRunner.docproof(["check", "docs", "--fix"], in: tree.url)
    #expect(fixed.status == 1)
    #expect(try Data(contentsOf: page) == before)
    #expect(
      fixed.stderr
        == "docproof: nothing fixed: 1 drifting transcript would be written from a golden file this run showed wrong (see their notes)\n"
    )
    #expect(fixed.stdout.contains("[golden-stale]"))
    #expect(
      fixed.stdout.contains(
        "note: --fix does not rewrite it: in this run, scenario 'demo': its output differs from ../golden/demo.txt; fix the program, or run 'docproof golden update demo' and review the golden file, first"
      ))
    // A failing program is no better a source.
    try tree.write(["prog.sh": "exit 3\n"])
    let failing = try await BinaryRunner.docproof(["check", "docs", "--fix"], in: tree.url)
    #expect(try Data(contentsOf: page) == before)
    #expect(
      failing.stdout.contains("scenario 'demo': the run failed: its program exited with status 3"))
  }

  @Test func snippetsFollowTheirSourceAndStayInsideTheProject() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": "frontMatter:\n  required: []\nproject: ..\n",
      "docs/en-us/page.md": """
      # Page

      <!-- docproof: snippet ../../Sources/app.swift#greet -->
      ```swift
      print("old")
      ```

      <!-- docproof: snippet ../../Sources/app.swift -->
      ```swift
      whole file
      ```

      <!-- docproof: snippet ../../Sources/linked.swift -->
      ```swift
      x
      ```
      """,
      "Sources/app.swift": "// <greet>\nprint(\"hello\")\n// </greet>\n",
    ])
    defer { tree.remove() }
    let outside = try TemporaryTree(["secret.swift": "let secret = 1\n"])
    defer { outside.remove() }
    try tree.link(
      "Sources/linked.swift", to: outside.url.appendingPathComponent("secret.swift").path)
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "docs/en-us/page.md:13:1: error: snippet source '../../Sources/linked.swift' is outside the project root: not read [path-outside-root]"
      ))
    #expect(!result.stdout.contains("let secret"))
    #expect(
      result.stdout.contains(
        "docs/en-us/page.md:4:1: error: this code block differs from its source '../../Sources/app.swift#greet' [snippet-drift]"
      ))
    #expect(
      result.stdout.contains(
        "docs/en-us/page.md:9:1: error: this code block differs from its source '../../Sources/app.swift' [snippet-drift]"
      ))
    let fixed = try await BinaryRunner.docproof(["check", "docs", "--fix"], in: tree.url)
    #expect(
      fixed.stderr.contains(
        "docproof: fixed docs/en-us/page.md:4 (snippet of '../../Sources/app.swift#greet')"))
    let page = try String(
      contentsOf: tree.url.appendingPathComponent("docs/en-us/page.md"), encoding: .utf8)
    #expect(page.contains("```swift\nprint(\"hello\")\n```"))
    #expect(page.contains("```swift\n// <greet>\nprint(\"hello\")\n// </greet>\n```"))
    let again = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(!again.stdout.contains("snippet-drift"))
  }
}

/// `runner: python`: the docs' own Python code, run in a venv docproof makes.
@Suite struct PythonRunnerTests {
  func project(program: String) throws -> TemporaryTree {
    try TemporaryTree([
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        demo:
          command: [sh, prog.sh]
          emulator: none
        demo-python:
          runner: python
          pivot: python
          emulator: plain
          compareWith: demo
      """,
      "docs/en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "docs/en-us/page.md": """
      ---
      zone_pivot_groups: langs
      ---
      # Demo

      ::: zone pivot="python"
      [!INCLUDE [Python](includes/python.md)]
      ::: zone-end
      """,
      "docs/en-us/includes/python.md": """
      Write this program:

      ```python
      \(program)
      ```
      """,
      "prog.sh": "printf 'Quickstart\\n\\nConnected: yes\\n'\n",
      "golden/demo.txt": "Quickstart\n\nConnected: yes\n",
    ])
  }

  @Test func aCorrectProgramPasses() async throws {
    let tree = try project(
      program: """
        import os
        connection = os.environ["COMMUNICATION_SERVICES_CONNECTION_STRING"]
        print("Quickstart")
        print()
        print("Connected: " + ("yes" if connection.startswith("endpoint=") else "no"))
        """)
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(
      FileManager.default.fileExists(
        atPath: tree.url.appendingPathComponent(".docproof-cache/python").path))
  }

  @Test func aBugIsAFindingAtTheInclude() async throws {
    let tree = try project(
      program: """
        import os
        connection = os.environ["COMMUNICATION_SERVICES_CONNECTION_STRING"]
        print("Quickstart")
        print(conection)
        """)
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "docs/en-us/includes/python.md:3:1: error: the Python program on pivot 'python' failed: its program exited with status 1 [reference-failed]"
      ))
    #expect(result.stdout.contains("NameError: name 'conection' is not defined"))
  }

  @Test func differentOutputIsDriftAtTheProgram() async throws {
    let tree = try project(program: "print('Quickstart')\nprint()\nprint('Connected: maybe')")
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(
      result.stdout.contains(
        "docs/en-us/includes/python.md:3:1: error: the Python program on pivot 'python' prints something else than ../golden/demo.txt [transcript-drift]"
      ))
    #expect(result.stdout.contains("+Connected: maybe"))
  }
}

/// Scenario paths from docproof.yml stay inside the project, symbolic links included.
@Suite struct ScenarioConfinementTests {
  @Test func aCommandThatClimbsOutIsAConfigurationError() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": "project: ..\nscenarios:\n  demo:\n    command: [../../../bin/sh, x]\n",
      "docs/en-us/a.md": "# A\n",
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains("docs/docproof.yml:4:"))
    #expect(result.stderr.contains("the program '../../../bin/sh' is outside the project"))
  }

  @Test func goldenFilesAndWorkingDirectoriesThatLinkOutAreRefused() async throws {
    let outside = try TemporaryTree([
      "secret.txt": "secret golden\n", "elsewhere/run.sh": "echo hi\n",
    ])
    defer { outside.remove() }
    let tree = try TranscriptStageTests().project(golden: nil)
    defer { tree.remove() }
    try tree.link("golden/demo.txt", to: outside.url.appendingPathComponent("secret.txt").path)
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 1)
    #expect(result.stdout.contains("it leads outside the project"))
    #expect(!result.stdout.contains("secret golden"))
    let update = try await BinaryRunner.docproof(["golden", "update"], in: tree.url)
    #expect(update.status != 0)
    #expect(
      try String(contentsOf: outside.url.appendingPathComponent("secret.txt"), encoding: .utf8)
        == "secret golden\n", "never written")

    try tree.link("work", to: outside.url.appendingPathComponent("elsewhere").path)
    try tree.write([
      "docs/docproof.yml":
        "frontMatter:\n  required: []\nproject: ..\nscenarios:\n  demo:\n    command: [sh, run.sh]\n    workingDirectory: work\n    emulator: none\n"
    ])
    let linked = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(
      linked.stdout.contains(
        "could not start: its working directory 'work' leads outside the project"))
  }
}

/// `check --fix` killed at any moment leaves every page either as it was or fixed whole.
@Suite struct FixCrashSafetyTests {
  @Test func aKilledFixNeverLeavesAPartialPage() async throws {
    // Forty pages, each with a block drifting from a large source: enough writing that a
    // kill lands before, between and during the rewrites.
    let source = (0..<20_000).map { "let line\($0) = \($0)" }.joined(separator: "\n") + "\n"
    var files = [
      "docs/docproof.yml": "frontMatter:\n  required: []\nproject: ..\n",
      "Sources/big.swift": source,
    ]
    let stale = "# Page\n\n<!-- docproof: snippet ../../Sources/big.swift -->\n```swift\nold\n```\n"
    for page in 0..<40 { files["docs/en-us/page-\(page).md"] = stale }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    // One uninterrupted run gives the fixed page, and how long a run takes.
    let start = ContinuousClock.now
    let first = try await BinaryRunner.docproof(
      ["check", "docs", "--fix", "--no-run"], in: tree.url)
    let duration = ContinuousClock.now - start
    #expect(first.status == 0, "\(first.stdout)")
    let fixedPage = try String(
      contentsOf: tree.url.appendingPathComponent("docs/en-us/page-0.md"), encoding: .utf8)
    #expect(fixedPage != stale && fixedPage.contains("let line19999 = 19999"))
    var generator = SystemRandomNumberGenerator()
    var sawBoth = false
    // Kills spread over the run, most of them late, where the rewrites happen.
    let milliseconds =
      Int(duration.components.seconds * 1000)
      + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    for attempt in 0..<12 {
      try tree.write(
        Dictionary(uniqueKeysWithValues: (0..<40).map { ("docs/en-us/page-\($0).md", stale) }))
      // At a random moment of the run.
      let delay = Int.random(
        in: milliseconds / 3...max(milliseconds / 3 + 1, milliseconds * 11 / 10),
        using: &generator)
      let folder = tree.url.appendingPathComponent("docs/en-us").path
      let staleSize = stale.utf8.count
      try await BinaryRunner.docproofKilled(
        ["check", "docs", "--fix", "--no-run"], in: tree.url
      ) { pid in
        if attempt.isMultiple(of: 2) {
          try await Task.sleep(for: .milliseconds(delay))
          return
        }
        // As soon as a page is rewritten (it grows), whatever the machine's load: mid-rewrite.
        let deadline = ContinuousClock.now + duration * 3
        while ContinuousClock.now < deadline, BinaryRunner.isRunning(pid) {
          for page in 0..<40 {
            var info = stat()
            if stat(folder + "/page-\(page).md", &info) == 0, Int(info.st_size) > staleSize {
              return
            }
          }
          try await Task.sleep(for: .milliseconds(1))
        }
      }
      // Killed mid-write, it left nothing among the pages: its temporary files live in the
      // tree's .docproof-cache, which git ignores.
      let inPages = try FileManager.default.contentsOfDirectory(atPath: folder)
      #expect(inPages.filter { $0.hasSuffix(".tmp") }.isEmpty, "attempt \(attempt): \(inPages)")
      var states: Set<String> = []
      for page in 0..<40 {
        let text = try String(
          contentsOf: tree.url.appendingPathComponent("docs/en-us/page-\(page).md"), encoding: .utf8
        )
        #expect(
          text == stale || text == fixedPage, "attempt \(attempt): page-\(page).md is partial")
        states.insert(text == stale ? "stale" : "fixed")
      }
      if states.count == 2 { sawBoth = true }
    }
    // The next run finishes the job and leaves no temporary file behind.
    let finish = try await BinaryRunner.docproof(
      ["check", "docs", "--fix", "--no-run"], in: tree.url)
    #expect(finish.status == 0, "\(finish.stdout)")
    for page in 0..<40 {
      let text = try String(
        contentsOf: tree.url.appendingPathComponent("docs/en-us/page-\(page).md"), encoding: .utf8)
      #expect(text == fixedPage)
    }
    let names = try FileManager.default.contentsOfDirectory(
      atPath: tree.url.appendingPathComponent("docs/en-us").path)
    #expect(names.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(names.sorted())")
    let cache = tree.url.appendingPathComponent("docs/.docproof-cache")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tmp").path)
        .isEmpty, "the next run removed what the killed ones left")
    #expect(
      try String(contentsOf: cache.appendingPathComponent(".gitignore"), encoding: .utf8).contains(
        "*"))
    // Some kill landed mid-way (pages of both kinds at once): the test saw the window it tests.
    #expect(sawBoth)
  }
}
