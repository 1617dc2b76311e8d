import Foundation
import TestSupport
import Testing

/// `docproof check`, run as CI runs it: the built binary, stdout, stderr, exit status.
@Suite struct CheckCommandTests {
  let sites = Fixtures.url("sites")

  @Test func cleanTreeExitsZero() async throws {
    let result = try await BinaryRunner.docproof(["check", "clean"], in: sites)
    #expect(result.status == 0)
    #expect(result.stdout == "docproof: no problems in 2 files\n")
    #expect(result.stderr == "")
  }

  @Test(arguments: ["text", "json", "github"])
  func reportsMatchTheirGoldens(_ format: String) async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--format", format], in: sites)
    #expect(result.status == 1)
    #expect(result.stderr == "")
    Golden.check(result.stdout, against: sites.appendingPathComponent("broken.\(format).golden"))
  }

  @Test func versionNamesTheLibrariesAndJemallocServesMalloc() async throws {
    let result = try await BinaryRunner.docproof(["--version"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines.first?.hasPrefix("docproof ") == true)
    #expect(lines.contains { $0.hasPrefix("cmark-gfm 0.29.") })
    #expect(lines.contains { $0.hasPrefix("libxml2 2.") })
    // jemalloc answers, and has served this thread's allocations: glibc's malloc is not used.
    let allocator = lines.last ?? ""
    #expect(allocator.hasPrefix("allocator: jemalloc 5."))
    #expect(!allocator.contains("served elsewhere"))
  }

  @Test func textHasNoColorWhenNotATerminal() async throws {
    let result = try await BinaryRunner.docproof(["check", "broken"], in: sites)
    #expect(!result.stdout.contains("\u{1B}["))
  }

  @Test func junitToAFileValidates() async throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("reports/junit.xml")
    try FileManager.default.createDirectory(
      at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--format", "junit", "--output", output.path], in: sites)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr == "docproof: 8 errors, 2 warnings, 3 info in 4 files\n")
    let xml = try String(contentsOf: output, encoding: .utf8)
    #expect(SchemaValidator.validate(xml: xml, schema: Fixtures.url("schemas/junit.xsd")) == [])
    #expect(xml.contains("failures=\"3\""))
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: output.deletingLastPathComponent().path)
    #expect(leftovers == ["junit.xml"], "no temporary file is left behind")
  }

  @Test func sarifHasRulesAndRegions() async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--format", "sarif"], in: sites)
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 13)
    let location = try #require(
      (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]
        as? [String: Any])
    #expect(
      (location["artifactLocation"] as? [String: String])?["uri"]
        == "Tests/Fixtures/sites/broken/en-us/concepts/identity-model.md")
    #expect((location["region"] as? [String: Int])?["startLine"] == 1)
  }

  @Test func localeSelection() async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--locale", "sv-se", "--format", "json"], in: sites)
    #expect(result.status == 0, "the Swedish page has only a note")
    #expect(result.stdout.contains("\"rule\" : \"include-fallback\""))
    // Only sv-se's untranslated files are reported at their en-us source.
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    let english = diagnostics.filter {
      ($0["path"] as? String)?.hasPrefix("Tests/Fixtures/sites/broken/en-us/") == true
    }
    #expect(english.count == 2)
    #expect(english.allSatisfy { $0["rule"] as? String == "l10n-untranslated" })
    #expect(english.allSatisfy { ($0["message"] as? String)?.contains("into sv-se") == true })
    let unknown = try await BinaryRunner.docproof(
      ["check", "broken", "--locale", "fr-fr"], in: sites)
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "docproof: no locale 'fr-fr' in this tree (locales: en-us, sv-se)\n")
  }

  @Test func shardsTogetherReportWhatOneRunReports() async throws {
    func diagnostics(_ extra: [String]) async throws -> (Int32, [[String: AnyHashable]]) {
      let result = try await BinaryRunner.docproof(
        ["check", "broken", "--format", "json"] + extra, in: sites)
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let list = try #require(json["diagnostics"] as? [[String: Any]])
      return (result.status, list.map { $0.compactMapValues { $0 as? AnyHashable } })
    }
    let (fullStatus, full) = try await diagnostics([])
    #expect(fullStatus == 1)
    var union: [[String: AnyHashable]] = []
    var statuses: [Int32] = []
    for index in 1...3 {
      let (status, part) = try await diagnostics(["--shard", "\(index)/3"])
      union += part
      statuses.append(status)
    }
    #expect(union.count == full.count)
    #expect(Set(union) == Set(full))
    #expect(statuses.contains(1), "the shard with an error fails its job")

    let invalid = try await BinaryRunner.docproof(["check", "broken", "--shard", "4/3"], in: sites)
    #expect(invalid.status == 2)
    #expect(
      invalid.stderr == "docproof: --shard '4/3' is not I/N with 1 <= I <= N (for example 2/4)\n")
  }

  @Test func invalidConfigurationExitsTwoWithItsLine() async throws {
    let tree = try TemporaryTree([
      "docproof.yml": "sourceLocale: en-us\nlinks:\n  externals:\n    timeout: 3\n",
      "en-us/a.md": "# A\n",
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", tree.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "docproof: \(tree.path)/docproof.yml:3:3: links: unknown key 'externals' (did you mean 'external'?)\n"
    )
  }

  @Test func unreadableFileIsAFindingAndTheRunGoesOn() async throws {
    let tree = try TemporaryTree([
      "en-us/ok.md":
        "---\ntitle: t\ndescription: d\nms.date: 1\nms.topic: t\n---\n# Ok\n\n[broken](missing.md)\n",
      "en-us/secret.md": "# Secret\n",
    ])
    defer { tree.remove() }
    for folder in [tree.url, tree.url.appendingPathComponent("en-us")] {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    }
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: tree.url.appendingPathComponent("en-us/ok.md").path)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0], ofItemAtPath: tree.url.appendingPathComponent("en-us/secret.md").path)
    let result = try await BinaryRunner.docproofUnprivileged(["check", "."], in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "en-us/secret.md:1:1: error: cannot read en-us/secret.md: permission denied [file-unreadable]"
      ))
    #expect(
      result.stdout.contains("en-us/ok.md:9:1: error: link target 'missing.md' not found"),
      "the rest is checked")
  }

  @Test func missingRootExitsTwo() async throws {
    let result = try await BinaryRunner.docproof(["check", "no-such-docs"], in: sites)
    #expect(result.status == 2)
    #expect(result.stderr == "docproof: cannot check no-such-docs: no such directory\n")
  }

  @Test func unwritableOutputExitsTwo() async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "clean", "--output", "/proc/docproof/report.txt"], in: sites)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("docproof: cannot write /proc/docproof/report.txt"))
  }

  @Test func corpusRunIsCompleteAndStable() async throws {
    let corpus = Fixtures.corpora.appendingPathComponent("azure-docs-acs")
    let first = try await BinaryRunner.docproof(["check", corpus.path, "--format", "json"])
    let second = try await BinaryRunner.docproof(["check", corpus.path, "--format", "json"])
    #expect(first.status == 1)
    #expect(first.stdout == second.stdout, "reports are deterministic")
  }
}

/// The project's own documentation passes its own check.
@Suite struct ShippedDocsTests {
  @Test func shippedDocsPassCheck() async throws {
    let result = try await BinaryRunner.docproof(["check", "docs"], in: Fixtures.repositoryRoot)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasPrefix("docproof: no problems in "))
  }
}
