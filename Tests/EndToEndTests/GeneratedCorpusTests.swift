import Foundation
import TestSupport
import Testing

/// The generated benchmark tree: `docproof check` reports exactly its manifest, in one run
/// and across shards.
@Suite struct GeneratedCorpusTests {
  struct Finding: Hashable, Decodable {
    var rule: String
    var path: String
    var line: Int
  }

  struct Manifest: Decodable {
    var findings: [Finding]
  }

  struct Report: Decodable {
    var diagnostics: [Finding]
  }

  /// 500 pages reach every kind of defect in both locales (pages 10, 100, 120 and 450 are
  /// translated copies of a stale, broken-link, missing-include and broken-bookmark page).
  @Test func checkReportsExactlyTheManifest() async throws {
    let folder = try Fixtures.temporaryDirectory("docproof-corpus")
    defer { try? FileManager.default.removeItem(at: folder) }
    let tree = folder.appendingPathComponent("tree")
    let generated = try await BinaryRunner.docproof(
      ["generate-corpus", tree.path, "--pages", "500"])
    #expect(generated.status == 0)
    #expect(generated.stdout.hasPrefix("docproof: wrote 3313 files (500 pages)"))
    let manifestData = try Data(contentsOf: tree.appendingPathComponent("docproof-manifest.json"))
    let manifest = try JSONDecoder().decode(Manifest.self, from: manifestData)
    // The default tree's manifest is the one it always was: no notes.
    #expect(!String(decoding: manifestData, as: UTF8.self).contains("notes"))
    #expect(
      Set(manifest.findings.map(\.rule)) == [
        "file-not-found", "bookmark-not-found", "include-not-found", "l10n-stale",
      ])
    #expect(
      manifest.findings.contains { $0.path.hasPrefix("sv-se/") && $0.rule == "bookmark-not-found" })

    let full = try await BinaryRunner.docproof(["check", tree.path, "--no-run", "--format", "json"])
    #expect(full.status == 1)
    let report = try JSONDecoder().decode(Report.self, from: Data(full.stdout.utf8))
    #expect(report.diagnostics.count == manifest.findings.count)
    #expect(Set(report.diagnostics) == Set(manifest.findings))

    var union: [Finding] = []
    for shard in 1...3 {
      let part = try await BinaryRunner.docproof(
        ["check", tree.path, "--no-run", "--format", "json", "--shard", "\(shard)/3"])
      union += try JSONDecoder().decode(Report.self, from: Data(part.stdout.utf8)).diagnostics
    }
    #expect(union.count == manifest.findings.count)
    #expect(Set(union) == Set(manifest.findings))
  }

  /// A finding with its notes (`nil` in a manifest: not compared).
  struct NotedFinding: Hashable, Decodable {
    var rule: String
    var path: String
    var line: Int
    var notes: [String]?
  }

  /// `--findings heavy`: a misspelling on every page (a page, an include, an include in a
  /// link from an include, a bookmark, in turn), each with its did-you-mean in the manifest;
  /// `docproof check` reports exactly the manifest, notes included.
  @Test func aHeavyTreeGivesEveryDidYouMeanOfItsManifest() async throws {
    let folder = try Fixtures.temporaryDirectory("docproof-corpus")
    defer { try? FileManager.default.removeItem(at: folder) }
    let tree = folder.appendingPathComponent("tree")
    let generated = try await BinaryRunner.docproof(
      ["generate-corpus", tree.path, "--pages", "200", "--findings", "heavy"])
    #expect(generated.status == 0)
    struct Manifest: Decodable { var findings: [NotedFinding] }
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: tree.appendingPathComponent("docproof-manifest.json")))
    // Every finding but the l10n ones has its notes.
    #expect(manifest.findings.allSatisfy { ($0.notes == nil) == $0.rule.hasPrefix("l10n-") })
    let suggested = manifest.findings.filter {
      $0.notes?.count == 1 && $0.notes![0].hasPrefix("did you mean '")
    }
    // 200 pages and their 20 translations, one misspelling each; 3 misspelled bookmarks
    // of the default tree (pages 5, 94 and 183).
    #expect(suggested.count == 223)
    for rule in ["file-not-found", "include-not-found", "bookmark-not-found"] {
      for locale in ["en-us/", "sv-se/"] {
        #expect(
          suggested.contains { $0.rule == rule && $0.path.hasPrefix(locale) }, "\(rule) \(locale)")
      }
    }
    // Misspelled in the folder of the area's includes, suggested from a page and an include.
    #expect(suggested.contains { $0.notes == ["did you mean 'includes/page-1-javascript.md'?"] })
    #expect(
      suggested.contains {
        $0.path == "en-us/area-2/includes/page-2-csharp.md"
          && $0.notes == ["did you mean 'page-22-java.md'?"]
      })

    let full = try await BinaryRunner.docproof(["check", tree.path, "--no-run", "--format", "json"])
    #expect(full.status == 1)
    struct Report: Decodable { var diagnostics: [NotedFinding] }
    let report = try JSONDecoder().decode(Report.self, from: Data(full.stdout.utf8))
    #expect(report.diagnostics.count == manifest.findings.count)
    let reported = Set(
      report.diagnostics.map { finding in
        var finding = finding
        if finding.rule.hasPrefix("l10n-") { finding.notes = nil }
        return finding
      })
    #expect(reported == Set(manifest.findings))
  }

  @Test func theGeneratorNeverWritesIntoAFolderWithFiles() async throws {
    let folder = try Fixtures.temporaryDirectory("docproof-corpus")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("keep me\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let result = try await BinaryRunner.docproof(["generate-corpus", folder.path, "--pages", "3"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("is not empty"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
  }
}
