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
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: tree.appendingPathComponent("docproof-manifest.json")))
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
