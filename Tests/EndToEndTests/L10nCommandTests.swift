import Foundation
import TestSupport
import Testing

/// `docproof l10n`, run as a localization maintainer runs it: the built binary, stdout,
/// stderr, exit status.
@Suite struct L10nCommandTests {
  let sites = Fixtures.url("sites")

  @Test(arguments: ["text", "json"])
  func reportsMatchTheirGoldens(_ format: String) async throws {
    let result = try await BinaryRunner.docproof(["l10n", "l10n", "--format", format], in: sites)
    #expect(result.status == 1, "the fixture has an l10n-locale-mismatch error")
    #expect(result.stderr == "")
    Golden.check(result.stdout, against: sites.appendingPathComponent("l10n.\(format).golden"))
  }

  /// The real corpus: its sv-se pages translate older English versions; the report says
  /// exactly how, file by file.
  @Test func theCorpusReportMatchesItsGolden() async throws {
    let result = try await BinaryRunner.docproof(["l10n", "azure-docs-acs"], in: Fixtures.corpora)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    Golden.check(result.stdout, against: Fixtures.url("l10n/azure-docs-acs.text.golden"))
  }

  @Test func oneLocaleOnly() async throws {
    let result = try await BinaryRunner.docproof(["l10n", "l10n", "--locale", "sv-se"], in: sites)
    #expect(result.status == 0, "the de-de error is not reported")
    #expect(result.stdout.hasPrefix("sv-se: 4 translated of 5 source files:"))
    #expect(!result.stdout.contains("de-de"))
    #expect(
      result.stdout.hasSuffix("docproof: 4 translated files in 1 locale: 0 errors, 4 warnings\n"))
  }

  @Test func anUnknownLocaleIsAUsageError() async throws {
    let result = try await BinaryRunner.docproof(["l10n", "l10n", "--locale", "fr-fr"], in: sites)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("docproof: "))
    #expect(result.stderr.contains("fr-fr"))
  }

  @Test func htmlToAFile() async throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("l10n.html")
    let result = try await BinaryRunner.docproof(
      ["l10n", "l10n", "--format", "html", "--output", output.path], in: sites)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == "docproof: wrote \(output.path): 1 error, 4 warnings, 6 info in 5 files\n")
    let html = try String(contentsOf: output, encoding: .utf8)
    #expect(html.hasPrefix("<!doctype html>"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["l10n.html"])
  }

  @Test func severitiesComeFromTheConfiguration() async throws {
    let tree = try TemporaryTree([
      "docproof.yml":
        "frontMatter:\n  required: []\nrules:\n  l10n-stale: error\n  l10n-untranslated: off\n",
      "en-us/a.md": "# A\n\nNew text.\n",
      "en-us/b.md": "# B\n",
      "sv-se/a.md":
        "---\nms.openlocfilehash: 0000000000000000000000000000000000000000\n---\n# A\n\nGammal text.\n",
    ])
    defer { tree.remove() }
    let l10n = try await BinaryRunner.docproof(["l10n", tree.path, "--format", "json"])
    #expect(l10n.status == 1)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(l10n.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.map { $0["rule"] as? String } == ["l10n-stale"])
    #expect(diagnostics.first?["severity"] as? String == "error")
    #expect(diagnostics.first?["line"] as? Int == 2)

    let check = try await BinaryRunner.docproof(["check", tree.path, "--no-run"])
    #expect(check.status == 1)
    #expect(
      check.stdout.contains(
        "sv-se/a.md:2:1: error: ms.openlocfilehash 000000000000 is not the SHA-1 of en-us/a.md"
      ))
    #expect(!check.stdout.contains("l10n-untranslated"))
  }

  @Test func checkRunsTheLocalizationRules() async throws {
    let result = try await BinaryRunner.docproof(["check", "l10n", "--no-run"], in: sites)
    #expect(result.status == 1)
    for rule in [
      "l10n-locale-mismatch", "l10n-stale", "l10n-structure", "l10n-orphan", "l10n-untranslated",
    ] {
      #expect(result.stdout.contains("[\(rule)]"), "\(rule)")
    }
    #expect(result.stdout.hasSuffix("docproof: 1 error, 4 warnings, 9 info in 10 files\n"))
  }

  /// With `--locale sv-se`, sv-se's untranslated files are reported (at their en-us
  /// source), de-de's are not.
  @Test func checkWithALocaleKeepsThatLocalesUntranslatedFiles() async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "l10n", "--no-run", "--locale", "sv-se"], in: sites)
    let untranslated = result.stdout.split(separator: "\n").filter {
      $0.hasSuffix("[l10n-untranslated]")
    }
    #expect(
      untranslated == [
        "Tests/Fixtures/sites/l10n/en-us/faq.md:1:1: info: page not translated into sv-se: Tests/Fixtures/sites/l10n/sv-se/faq.md does not exist [l10n-untranslated]",
        "Tests/Fixtures/sites/l10n/en-us/includes/javascript.md:1:1: info: include not translated into sv-se: Tests/Fixtures/sites/l10n/sv-se/includes/javascript.md does not exist [l10n-untranslated]",
      ])
    #expect(!result.stdout.contains("de-de"))
  }
}
