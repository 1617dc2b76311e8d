import Foundation
import TestSupport
import Testing

/// `docproof rules` and `docproof explain`, and the reference they print (RULES.md), which
/// SARIF's `helpUri` points into.
@Suite struct RulesCommandTests {
  static let reference = Fixtures.repositoryRoot.appendingPathComponent("RULES.md")

  @Test func rulesListsEveryRuleWithItsDefaultSeverity() async throws {
    let result = try await BinaryRunner.docproof(["rules"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("bookmark-not-found") && $0.contains("  error  ") })
    #expect(lines.contains { $0.hasPrefix("include-fallback") && $0.contains("  info  ") })
    #expect(lines.contains { $0.hasPrefix("l10n-stale ") })
    #expect(lines.contains { $0.hasPrefix("transcript-drift ") })
    #expect(lines == lines.sorted())
  }

  @Test func theReferenceInTheRepositoryIsWhatTheRulesPrint() async throws {
    let result = try await BinaryRunner.docproof(["rules", "--format", "markdown"])
    #expect(result.status == 0)
    Golden.check(result.stdout, against: Self.reference)
    // A text file: the examples' invisible characters (a NUL, U+FFFF) are written escaped.
    let invisible = result.stdout.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0xFFFF
    }
    #expect(invisible.isEmpty)
    #expect(result.stdout.contains("# Caf\\u{FFFF}\\u{0}"))
    #expect(result.stdout.contains("| [`link-redirected`](#link-redirected) | off |"))
  }

  @Test func explainShowsWhatARuleFindsItsExamplesAndHowToSilenceIt() async throws {
    let result = try await BinaryRunner.docproof(["explain", "file-not-found"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("file-not-found (default severity: error)\n"))
    #expect(result.stdout.contains("\nTriggers it:\n"))
    #expect(result.stdout.contains("\nDoes not trigger it:\n"))
    #expect(result.stdout.contains("'rules: {file-not-found: off}' in docproof.yml"))
    #expect(result.stdout.contains("'<!-- docproof-disable-next-line file-not-found -->'"))
  }

  @Test func explainingAnUnknownRuleSuggestsTheClosest() async throws {
    let result = try await BinaryRunner.docproof(["explain", "bookmark-not-fond"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "docproof: no rule 'bookmark-not-fond' (did you mean 'bookmark-not-found'?); 'docproof rules' lists them\n"
    )
  }

  @Test func everySARIFHelpLinkLeadsToASectionOfTheReference() async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--format", "sarif", "--no-run"], in: Fixtures.url("sites"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let reference = try String(contentsOf: Self.reference, encoding: .utf8)
    #expect(rules.count > 40)
    for rule in rules {
      let uri = try #require(rule["helpUri"] as? String)
      let anchor = try #require(uri.split(separator: "#").last.map(String.init))
      #expect(uri.hasPrefix("https://github.com/docproof/docproof/blob/main/RULES.md#"))
      #expect(reference.contains("\n## \(anchor)\n"), "\(anchor)")
    }
  }
}

/// Help texts say each thing once: the values and the default come from the parser.
@Suite struct HelpTextTests {
  @Test(
    arguments: [
      ["check"], ["l10n"], ["transcripts"], ["golden", "update"], ["golden", "check"],
      ["golden", "pending"],
      ["golden", "review"], ["golden", "accept"], ["golden", "reject"], ["run"], ["init"],
      ["clone-dependencies"], ["rules"], ["explain"], ["dump"], ["emulator"],
    ])
  func saysEachThingOnce(_ command: [String]) async throws {
    let result = try await BinaryRunner.docproof(command + ["--help"])
    #expect(result.status == 0)
    // One option's help, as one line.
    let text = result.stdout.replacing(/\n {10,}/, with: " ")
    for line in text.split(separator: "\n") {
      #expect(line.ranges(of: "(default:").count <= 1, "\(line)")
      #expect(line.ranges(of: "values:").count <= 1, "\(line)")
      if let values = line.firstMatch(of: /\(values: ([^;)]+)/)?.1 {
        let names = values.split(separator: ", ")
        #expect(
          !names.allSatisfy { line.prefix(while: { $0 != "(" }).contains($0) },
          "the values are listed twice: \(line)")
      }
    }
  }
}
