import CheckPipeline
import Checks
import DocModel
import DocSite
import Foundation
import Reporting
import TestSupport
import Testing

@Suite struct ReporterTests {
  static let report = Report(
    base: ReportBase(directory: "/work/repo", rootPrefix: "docs"),
    diagnostics: [
      Diagnostic(
        rule: .bookmarkNotFound, severity: .error, path: "en-us/a b.md", line: 12, column: 5,
        message: "bookmark '#setup' not found: 100% <sure> & \"quoted\", yes",
        notes: ["did you mean '#set-up'?"]),
      Diagnostic(
        rule: .pivotIdUnused, severity: .warning, path: "en-us/a b.md", line: 3, column: 1,
        message: "pivot 'go' has no zone\non two lines"),
      Diagnostic(
        rule: .includeFallback, severity: .info, path: "sv-se/x.md", line: 7, column: 1,
        message: "not translated"),
    ],
    filesChecked: 5, rules: RuleRegistry.infos)

  @Test func text() throws {
    let text = try TextReporter(color: false).render(Self.report)
    #expect(
      text == """
        docs/en-us/a b.md:12:5: error: bookmark '#setup' not found: 100% <sure> & "quoted", yes [bookmark-not-found]
            note: did you mean '#set-up'?
        docs/en-us/a b.md:3:1: warning: pivot 'go' has no zone
        on two lines [pivot-id-unused]
        docs/sv-se/x.md:7:1: info: not translated [include-fallback]
        docproof: 1 error, 1 warning, 1 info in 5 files

        """)
    #expect(!text.contains("\u{1B}"))
    let colored = try TextReporter(color: true).render(Self.report)
    #expect(colored.contains("\u{1B}[1;31merror:\u{1B}[0m"))
  }

  @Test func jsonContract() throws {
    let json = try JSONReporter().render(Self.report)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 2)
    #expect(object["root"] as? String == "docs")
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary["files"] == 5 && summary["errors"] == 1 && summary["warnings"] == 1)
    let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
    #expect(first["rule"] as? String == "bookmark-not-found")
    // Paths start at the repository's root (version 2; version 1 made them relative to `root`).
    #expect(first["path"] as? String == "docs/en-us/a b.md")
    #expect(first["line"] as? Int == 12 && first["column"] as? Int == 5)
    #expect(first["notes"] as? [String] == ["did you mean '#set-up'?"])
    #expect(Set(first.keys) == ["rule", "severity", "path", "line", "column", "message", "notes"])
  }

  @Test func githubWorkflowCommands() throws {
    let lines = try GitHubReporter().render(Self.report).split(separator: "\n").map(String.init)
    #expect(
      lines[0]
        == "::error file=docs/en-us/a b.md,line=12,col=5,title=bookmark-not-found::bookmark '#setup' not found%3A 100%25 <sure> & \"quoted\", yes%0Anote: did you mean '#set-up'?"
        .replacingOccurrences(of: "found%3A", with: "found:"))
    #expect(
      lines[1]
        == "::warning file=docs/en-us/a b.md,line=3,col=1,title=pivot-id-unused::pivot 'go' has no zone%0Aon two lines"
    )
    #expect(lines[2].hasPrefix("::notice file=docs/sv-se/x.md,line=7,col=1,"))
    #expect(lines.last == "docproof: 1 error, 1 warning, 1 info in 5 files")
  }

  @Test func githubPropertiesEscapeCommasAndColons() throws {
    var report = Self.report
    report.diagnostics = [
      Diagnostic(rule: .fileNotFound, severity: .error, path: "a,b:c.md", line: 1, message: "x")
    ]
    let text = try GitHubReporter().render(report)
    #expect(text.hasPrefix("::error file=docs/a%2Cb%3Ac.md,line=1,col=1,title=file-not-found::x\n"))
  }

  @Test func sarifRequiredStructure() throws {
    let sarif = try SARIFReporter().render(Self.report)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    #expect(object["version"] as? String == "2.1.0")
    #expect((object["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "docproof")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == RuleRegistry.all.count)
    for rule in rules {
      #expect(rule["id"] is String)
      #expect((rule["shortDescription"] as? [String: String])?["text"]?.isEmpty == false)
      #expect((rule["fullDescription"] as? [String: String])?["text"]?.isEmpty == false)
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 3)
    #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
    let first = results[0]
    let ruleIndex = try #require(first["ruleIndex"] as? Int)
    #expect(rules[ruleIndex]["id"] as? String == "bookmark-not-found")
    #expect((first["message"] as? [String: String])?["text"]?.contains("did you mean") == true)
    let location = try #require(
      (first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let artifact = try #require(location["artifactLocation"] as? [String: String])
    #expect(artifact["uri"] == "docs/en-us/a%20b.md")
    #expect(artifact["uriBaseId"] == "%SRCROOT%")
    let region = try #require(location["region"] as? [String: Int])
    #expect(region["startLine"] == 12 && region["startColumn"] == 5)
    let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
    #expect(bases["%SRCROOT%"]?["uri"] == "file:///work/repo/")
    #expect(
      rules[ruleIndex]["helpUri"] as? String
        == "https://github.com/docproof/docproof/blob/main/RULES.md#bookmark-not-found")
    #expect((run["automationDetails"] as? [String: String])?["id"] == "docproof/check/")
  }

  @Test("SARIF names the driver's version and the shard in automationDetails")
  func sarifVersionAndShard() throws {
    var report = Self.report
    report.toolVersion = "1.2.3"
    report.automationID = "docproof/check/shard-2-of-4/"
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(try SARIFReporter().render(report).utf8))
        as? [String: Any])
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["version"] as? String == "1.2.3")
    #expect(
      (run["automationDetails"] as? [String: String])?["id"] == "docproof/check/shard-2-of-4/")
  }

  /// The fingerprints of a report's results, in order.
  static func fingerprints(_ report: Report) throws -> [String] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(try SARIFReporter().render(report).utf8))
        as? [String: Any])
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    return try results.map { result in
      try #require(
        (result["partialFingerprints"] as? [String: String])?["docproofFindingHash/v1"])
    }
  }

  @Test("SARIF fingerprints stay when a finding moves and differ between findings")
  func sarifFingerprints() throws {
    let first = try Self.fingerprints(Self.report)
    #expect(Set(first).count == 3)
    #expect(first.allSatisfy { $0.count == 64 })
    // The same findings, moved down the page.
    var moved = Self.report
    moved.diagnostics = moved.diagnostics.map { diagnostic in
      var shifted = diagnostic
      shifted.line += 40
      return shifted
    }
    #expect(try Self.fingerprints(moved) == first)
    var renumbered = Self.report
    renumbered.diagnostics[1].message = "pivot 'go' has no zone (line 3)\non two lines"
    var renumberedLater = Self.report
    renumberedLater.diagnostics[1].message = "pivot 'go' has no zone (line 43)\non two lines"
    #expect(try Self.fingerprints(renumbered) == Self.fingerprints(renumberedLater))
    #expect(try Self.fingerprints(renumbered)[1] != first[1])
    // Two findings alike in rule, path and message are told apart by their order.
    var twins = Self.report
    twins.diagnostics = [Self.report.diagnostics[0], Self.report.diagnostics[0]]
    let pair = try Self.fingerprints(twins)
    #expect(pair[0] != pair[1])
    #expect(pair[0] == first[0])
  }

  @Test("paths are normalized from the repository's root, also those that climb out of the tree")
  func pathsFromTheRepositoryRoot() throws {
    var report = Self.report
    report.diagnostics = [
      Diagnostic(
        rule: .goldenStale, severity: .error, path: "../golden/access-tokens.txt", line: 1,
        message: "x"),
      Diagnostic(
        rule: .fileNotFound, severity: .error, path: "./en-us//b.md", line: 2, message: "y"),
    ]
    let text = try TextReporter(color: false).render(report)
    #expect(text.hasPrefix("golden/access-tokens.txt:1:1: error: x [golden-stale]\n"))
    #expect(text.contains("\ndocs/en-us/b.md:2:1: error: y [file-not-found]\n"))
    let json = try JSONReporter().render(report)
    #expect(json.contains("\"path\" : \"golden/access-tokens.txt\""))
    #expect(json.contains("\"root\" : \"docs\""))
  }

  @Test func junitValidatesAgainstTheSchema() throws {
    let xml = try JUnitReporter().render(Self.report)
    #expect(SchemaValidator.validate(xml: xml, schema: Fixtures.url("schemas/junit.xsd")) == [])
    #expect(xml.contains("<testsuites name=\"docproof\" tests=\"3\" failures=\"1\""))
    #expect(xml.contains("<testcase classname=\"docproof\" name=\"docs/en-us/a b.md\""))
    #expect(xml.contains("&lt;sure&gt; &amp; &quot;quoted&quot;"))
    #expect(
      xml.contains(
        "<system-out>docs/sv-se/x.md:7:1: info: not translated [include-fallback]</system-out>"))
  }

  @Test func junitOfACleanRunValidates() throws {
    var report = Self.report
    report.diagnostics = []
    let xml = try JUnitReporter().render(report)
    #expect(SchemaValidator.validate(xml: xml, schema: Fixtures.url("schemas/junit.xsd")) == [])
    #expect(xml.contains("tests=\"1\" failures=\"0\""))
  }

  @Test func schemaRejectsABrokenReport() {
    let broken = "<testsuites><testsuite name=\"x\"><testcase/></testsuite></testsuites>"
    #expect(
      !SchemaValidator.validate(xml: broken, schema: Fixtures.url("schemas/junit.xsd")).isEmpty)
  }

  @Test func junitDropsCharactersXMLCannotCarry() throws {
    var report = Self.report
    report.diagnostics = [
      Diagnostic(
        rule: .fileNotFound, severity: .error, path: "a.md", line: 1, message: "bell\u{07} here")
    ]
    let xml = try JUnitReporter().render(report)
    #expect(SchemaValidator.validate(xml: xml, schema: Fixtures.url("schemas/junit.xsd")) == [])
    #expect(xml.contains("bell here"))
  }
}
