import Foundation
import TestSupport
import Testing

/// `docproof l10n --source`: a localization kept in a repository of its own, against a clone
/// of its source repository.
@Suite struct L10nRepositoriesTests {
  static let corpora = Fixtures.corpora

  /// The Russian CLI docs against today's English ones: every translation whose
  /// ms.openlocfilehash is not the SHA-1 (CRLF) of the source published at its URL is stale,
  /// and no orphan has a source.
  @Test func theRussianCLIDocsAgainstTheirSource() async throws {
    let result = try await BinaryRunner.docproof(
      ["l10n", "--source", "../azure-docs-cli"],
      in: Self.corpora.appendingPathComponent("azure-docs-cli.ru-ru"))
    #expect(result.status == 0, "stale translations are warnings")
    #expect(result.stderr == "")
    Golden.check(
      result.stdout,
      against: Fixtures.url("learn").appendingPathComponent("azure-docs-cli.ru-ru.l10n.golden"))
    // The pairing by URL: the Russian file at the root of docs-ref-conceptual translates the
    // English one under Latest-version (the moniker azure-cli-latest), not LTS-version.
    #expect(
      result.stdout.contains(
        "ms.openlocfilehash 2fcd8e8be4fe is not the SHA-1 of ../azure-docs-cli/docs-ref-conceptual/Latest-version/install-azure-cli.md"
      ))
    #expect(
      result.stdout.hasPrefix(
        "ru-ru: 47 translated of 134 source files: 32 stale, 102 untranslated, 15 orphan\n"))
  }

  @Test func sourceInDocproofYmlIsTheSameAsTheFlag() async throws {
    let folder = try Fixtures.temporaryDirectory("l10n-pair")
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["azure-docs-cli", "azure-docs-cli.ru-ru"] {
      try FileManager.default.copyItem(
        at: Self.corpora.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let localization = folder.appendingPathComponent("azure-docs-cli.ru-ru")
    let flag = try await BinaryRunner.docproof(
      ["l10n", "--source", "../azure-docs-cli", "--format", "json"], in: localization)
    try Data("source: ../azure-docs-cli\n".utf8).write(
      to: localization.appendingPathComponent("docproof.yml"))
    let configured = try await BinaryRunner.docproof(
      ["l10n", "--format", "json"], in: localization)
    #expect(flag.stdout == configured.stdout)
    // `check` runs the localization rules across the pair too.
    let check = try await BinaryRunner.docproof(["check"], in: localization)
    #expect(check.stdout.contains("[l10n-stale]"))
    #expect(
      check.stdout.contains(
        "is not the SHA-1 of ../azure-docs-cli/docs-ref-conceptual/Latest-version/"))
  }

  @Test func aSourceThatIsNotThereStopsWithItsName() async throws {
    let result = try await BinaryRunner.docproof(
      ["l10n", "--source", "../nowhere"],
      in: Self.corpora.appendingPathComponent("azure-docs-cli.ru-ru"))
    #expect(result.status == 2)
    #expect(result.stderr == "docproof: cannot compare with ../nowhere: no such directory\n")
  }

  /// A source repository with history: the commits and the diff since the translated version.
  @Test func howFarBehindFromTheSourcesHistory() async throws {
    let folder = try Fixtures.temporaryDirectory("l10n-history")
    defer { try? FileManager.default.removeItem(at: folder) }
    func publish(_ locale: String) -> String {
      #"{"docsets_to_publish": [{"docset_name": "d", "build_source_folder": ".", "locale": "\#(locale)"}]}"#
    }
    let docfx = #"{"build": {"content": [{"files": ["**/*.md"], "src": "articles"}]}}"#
    let source = try await GitRepository(
      tree: try TemporaryTree(
        at: folder.appendingPathComponent("docs"),
        [
          ".openpublishing.publish.config.json": publish("en-us"), "docfx.json": docfx,
          "articles/page.md": "# Page\n\nFirst version.\n",
          "articles/other.md": "# Other\n",
        ]))
    let translated = try await source.commitAll("Add the page", date: "2026-01-10T10:00:00Z")
    try source.write(["articles/page.md": "# Page\n\nSecond version.\n"])
    try await source.commitAll("Reword the page", date: "2026-02-01T10:00:00Z")
    try source.write(["articles/other.md": "# Other\n\nUnrelated.\n"])
    try await source.commitAll("Touch another page", date: "2026-02-05T10:00:00Z")
    try source.write(["articles/page.md": "# Page\n\nSecond version.\n\n## More\n"])
    try await source.commitAll("Add a section", date: "2026-03-01T10:00:00Z")

    // The translation was made from the first version: its hash says so, nothing else.
    let localization = try TemporaryTree(
      at: folder.appendingPathComponent("docs.sv-se"),
      [
        ".openpublishing.publish.config.json": publish("sv-se"), "docfx.json": docfx,
        "articles/page.md": """
        ---
        ms.openlocfilehash: \(try await hash(of: "articles/page.md", at: translated, in: source))
        ms.lasthandoff: 01/12/2026
        ---
        # Sida

        Första versionen.
        """,
      ])
    _ = localization
    let result = try await BinaryRunner.docproof(
      ["l10n", "--source", "../docs", "--diff"], in: folder.appendingPathComponent("docs.sv-se"))
    #expect(result.status == 0)
    let text = result.stdout
    #expect(text.contains("· handed off on 2026-01-12 (ms.lasthandoff), 323 days ago"))
    #expect(
      text.contains(
        "· the source changed in 2 commits since the translated version (commit \(translated.prefix(12)), whose ../docs/articles/page.md hashes to ms.openlocfilehash):"
      ))
    #expect(text.contains("2026-03-01 "))
    #expect(text.contains(" Add a section\n"))
    #expect(text.contains(" Reword the page\n"))
    #expect(!text.contains("Touch another page"))
    #expect(text.contains("· the source's changes since the translated version:"))
    #expect(text.contains("-First version."))
    #expect(text.contains("+## More"))

    // Without --diff the diff is left out of the text; JSON always carries it.
    let plain = try await BinaryRunner.docproof(
      ["l10n", "--source", "../docs"], in: folder.appendingPathComponent("docs.sv-se"))
    #expect(!plain.stdout.contains("-First version."))
    let json = try await BinaryRunner.docproof(
      ["l10n", "--source", "../docs", "--format", "json"],
      in: folder.appendingPathComponent("docs.sv-se"))
    #expect(json.stdout.contains("-First version."))

    // ms.sourcegitcommit names the translated version directly.
    try localization.write([
      "articles/page.md": """
      ---
      ms.openlocfilehash: 0000000000000000000000000000000000000000
      ms.sourcegitcommit: \(translated)
      ---
      # Sida
      """
    ])
    let byCommit = try await BinaryRunner.docproof(
      ["l10n", "--source", "../docs"], in: folder.appendingPathComponent("docs.sv-se"))
    #expect(
      byCommit.stdout.contains(
        "· the source changed in 2 commits since the translated version (ms.sourcegitcommit \(translated.prefix(12))):"
      ))
  }

  /// The CRLF SHA-1 of a file at a commit, as the localization pipeline records it
  /// (computed by sha1sum, not by docproof's own code).
  func hash(of path: String, at commit: String, in repository: GitRepository) async throws
    -> String
  {
    let text = try await repository.git(["show", "\(commit):\(path)"]) + "\n"
    let file = try Fixtures.temporaryDirectory("crlf").appendingPathComponent("f")
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: file)
    let result = try await BinaryRunner.run(path: "/usr/bin/sha1sum", [file.path])
    return String(result.stdout.prefix(40))
  }
}
