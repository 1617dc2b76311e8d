import Foundation
import TestSupport
import Testing

/// `docproof check` run as a writer runs it: at the root of a real Learn repository, with no
/// argument and no docproof.yml. The reports hold exactly what the Learn build's
/// configuration makes real problems (golden files under Tests/Fixtures/learn/).
@Suite struct LearnRepositoryTests {
  static let corpora = Fixtures.corpora
  static let goldens = Fixtures.url("learn")

  @Test(arguments: ["azure-aks-docs", "azure-docs-cli"])
  func checkWithNoArgumentReportsWhatTheBuildWould(_ repository: String) async throws {
    let result = try await BinaryRunner.docproof(
      ["check"], in: Self.corpora.appendingPathComponent(repository))
    #expect(result.status == 1, "both repositories hold a few real problems")
    #expect(result.stderr == "")
    Golden.check(
      result.stdout, against: Self.goldens.appendingPathComponent("\(repository).check.golden"))
  }

  @Test func theSameRepositoryNamedAsRootOrAsTheWorkingFolderGivesTheSameReport() async throws {
    let named = try await BinaryRunner.docproof(
      ["check", "azure-docs-cli", "--format", "json"], in: Self.corpora)
    let here = try await BinaryRunner.docproof(
      ["check", "--format", "json"], in: Self.corpora.appendingPathComponent("azure-docs-cli"))
    struct Document: Decodable {
      struct Finding: Decodable, Equatable {
        var rule, path, message: String
        var line: Int
      }
      var diagnostics: [Finding]
      var context: [String]?
    }
    let a = try JSONDecoder().decode(Document.self, from: Data(named.stdout.utf8))
    let b = try JSONDecoder().decode(Document.self, from: Data(here.stdout.utf8))
    // Paths start at the repository's root (the clone's git top level) either way, in
    // locations and in messages.
    #expect(a.diagnostics == b.diagnostics)
    #expect(a.context == b.context && a.context?.count == 1)
    #expect(a.diagnostics.contains { $0.message.contains("in docs-ref-conceptual/") })
    #expect(!a.diagnostics.contains { $0.path.hasPrefix("azure-docs-cli/") })
  }

  @Test func l10nSaysALearnRepositoryHoldsOneLocale() async throws {
    let result = try await BinaryRunner.docproof(
      ["l10n"], in: Self.corpora.appendingPathComponent("azure-aks-docs"))
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        . is a Learn repository of one locale (en-us): its translations are repositories of their own, so there is nothing to compare in it
        docproof: 0 translated files in 0 locales: 0 errors, 0 warnings

        """)
  }

  @Test func transcriptsListsTheInnovationEngineResultBlocks() async throws {
    let result = try await BinaryRunner.docproof(
      ["transcripts"], in: Self.corpora.appendingPathComponent("azure-aks-docs"))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    Golden.check(
      result.stdout,
      against: Self.goldens.appendingPathComponent("azure-aks-docs.transcripts.golden"))
  }

  @Test func aPresentDependentRepositoryIsCheckedAndNoLongerReportedMissing() async throws {
    // A copy of the CLI docs with the reusable-content snapshot where the build clones it.
    let folder = try Fixtures.temporaryDirectory("learn-copy")
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("azure-docs-cli")
    try FileManager.default.copyItem(
      at: Self.corpora.appendingPathComponent("azure-docs-cli"), to: copy)
    let before = try await BinaryRunner.docproof(["check"], in: copy)
    #expect(
      before.stdout.contains(
        "is not cloned at articles/reusable-content: 5 includes could not be checked"))
    try FileManager.default.createDirectory(
      at: copy.appendingPathComponent("articles"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.corpora.appendingPathComponent("reusable-content"),
      to: copy.appendingPathComponent("articles/reusable-content"))
    let after = try await BinaryRunner.docproof(["check"], in: copy)
    #expect(!after.stdout.contains("articles/reusable-content"))
    #expect(
      after.stdout.hasSuffix(
        "docproof: 4 errors, 0 warnings, 3 info in 126 files; 5426 links into other docsets not checked offline\n"
      ))
  }

  @Test func noArgumentWhereThereIsNothingToCheckSaysWhatWasLookedFor() async throws {
    let folder = try Fixtures.temporaryDirectory("empty")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try await BinaryRunner.docproof(["check"], in: folder)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    let real = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
    #expect(
      result.stderr
        == "docproof: nothing to check in \(real): it holds neither .openpublishing.publish.config.json nor docfx.json (a Learn repository), nor docproof.yml, nor a docs folder; name the tree to check (docproof check ROOT)\n"
    )
  }
}

/// `docproof clone-dependencies` against local repositories.
@Suite struct CloneDependenciesTests {
  /// A git repository with one include, committed on `branch`.
  func repository(at url: URL, branch: String) async throws {
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("includes"), withIntermediateDirectories: true)
    try Data("A shared note.\n\n## Shared heading\n".utf8).write(
      to: url.appendingPathComponent("includes/note.md"))
    for arguments in [
      ["init", "-q", "-b", branch], ["add", "-A"],
      ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "init"],
    ] {
      let result = try await BinaryRunner.run(path: "/usr/bin/git", arguments, in: url)
      #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }
  }

  @Test func clonesWhatIsAbsentShallowOnItsBranchAndCheckThenSeesIt() async throws {
    let folder = try Fixtures.temporaryDirectory("clone-dependencies")
    defer { try? FileManager.default.removeItem(at: folder) }
    let shared = folder.appendingPathComponent("shared-source")
    try await repository(at: shared, branch: "live")
    let docs = try TemporaryTree([
      ".openpublishing.publish.config.json": """
      {"docsets_to_publish": [{"docset_name": "d", "build_source_folder": "."}],
       "dependent_repositories": [
         {"path_to_root": "deps/shared", "url": "file://\(shared.path)", "branch": "live"},
         {"path_to_root": "_themes", "url": "file:///nowhere", "branch": "main"},
         {"path_to_root": "missing", "url": "file://\(folder.path)/none", "branch": "main"}
       ]}
      """,
      "docfx.json": #"{"build": {"content": [{"files": ["**/*.md"], "src": "articles"}]}}"#,
      "articles/page.md":
        "---\ntitle: T\ndescription: D\nms.date: 01/01/2026\nms.topic: article\n---\n# T\n\n[!INCLUDE [n](~/deps/shared/includes/note.md)]\n\n[see](#shared-heading)\n",
    ])
    defer { docs.remove() }
    let before = try await BinaryRunner.docproof(["check"], in: docs.url)
    #expect(before.status == 0)
    #expect(
      before.stdout.contains(
        "is not cloned at deps/shared: 1 include and 1 bookmark could not be checked"))

    let dry = try await BinaryRunner.docproof(["clone-dependencies", "--dry-run"], in: docs.url)
    #expect(dry.status == 0)
    #expect(
      dry.stderr == """
        docproof: deps/shared: would clone file://\(shared.path) (branch live)
        docproof: _themes: skipped (the build's templates, not content)
        docproof: missing: would clone file://\(folder.path)/none (branch main)

        """)
    #expect(!FileManager.default.fileExists(atPath: docs.url.appendingPathComponent("deps").path))

    let clone = try await BinaryRunner.docproof(["clone-dependencies"], in: docs.url)
    #expect(clone.status == 1, "one repository cannot be cloned")
    #expect(
      clone.stderr.contains("docproof: deps/shared: cloning file://\(shared.path) (branch live)"))
    #expect(
      clone.stderr.contains("docproof: missing: not cloned: git clone exited with status 128"))
    #expect(clone.stderr.hasSuffix("docproof: cloned 1 repository, 1 failed\n"))
    let cloned = docs.url.appendingPathComponent("deps/shared")
    #expect(
      FileManager.default.fileExists(atPath: cloned.appendingPathComponent("includes/note.md").path)
    )
    #expect(
      FileManager.default.fileExists(atPath: cloned.appendingPathComponent(".git/shallow").path))

    let after = try await BinaryRunner.docproof(["check"], in: docs.url)
    #expect(after.status == 0)
    #expect(after.stdout == "docproof: no problems in 2 files\n")
    let again = try await BinaryRunner.docproof(["clone-dependencies", "--dry-run"], in: docs.url)
    #expect(again.stderr.hasPrefix("docproof: deps/shared: present\n"))
  }
}
