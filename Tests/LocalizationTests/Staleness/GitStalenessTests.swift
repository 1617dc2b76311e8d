import DocModel
import DocSite
import Foundation
import Localization
import TestSupport
import Testing

/// Without `ms.openlocfilehash`, staleness comes from the git history of the source.
@Suite struct GitStalenessTests {
  /// A repository with `docs/en-us/a.md` committed on 2024-03-01 (commit `first`), then
  /// changed on 2024-05-10 (commit `second`), and `docs/en-us/b.md` committed once.
  struct Repository {
    let tree: TemporaryTree
    let first: String
    let second: String

    init() async throws {
      tree = try TemporaryTree([
        "docs/en-us/a.md": "# A\n", "docs/en-us/b.md": "# B\n",
      ])
      let tree = tree
      try await Self.git(tree, ["init", "-q", "-b", "main"])
      try await Self.commit(tree, "2024-03-01T10:00:00+00:00")
      first = try await Self.git(tree, ["rev-parse", "HEAD"])
      try tree.write(["docs/en-us/a.md": "# A\n\nMore.\n"])
      try await Self.commit(tree, "2024-05-10T10:00:00+00:00", only: "docs/en-us/a.md")
      second = try await Self.git(tree, ["rev-parse", "HEAD"])
    }

    @discardableResult
    static func git(_ tree: TemporaryTree, _ arguments: [String], date: String? = nil)
      async throws -> String
    {
      var environment = [
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": tree.path,
      ]
      if let date {
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
      }
      let result = try await BinaryRunner.run(
        path: "/usr/bin/git", ["-C", tree.path] + arguments, environment: environment)
      try #require(result.status == 0, "git \(arguments): \(result.stderr)")
      return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func commit(_ tree: TemporaryTree, _ date: String, only path: String? = nil)
      async throws
    {
      try await git(tree, ["add", path ?? "."])
      try await git(tree, ["commit", "-q", "-m", "change"], date: date)
    }

    func staleness(_ translation: String) async throws -> Staleness {
      try tree.write(["docs/sv-se/a.md": translation])
      let site = try await Site.load(root: tree.path + "/docs", knownRules: [])
      let report = await LocalizationAnalysis.run(site)
      let file = try #require(report.files.first { $0.pair.translationPath == "sv-se/a.md" })
      return try #require(file.staleness)
    }
  }

  @Test func sourceChangedAfterTheSourceGitCommit() async throws {
    let repository = try await Repository()
    defer { repository.tree.remove() }
    let staleness = try await repository.staleness(
      "---\nms.sourcegitcommit: \(repository.first)\n---\n# A\n")
    #expect(staleness.freshness == .stale)
    #expect(staleness.evidence == .sourceGitCommit)
    #expect(staleness.line == 2)
    #expect(
      staleness.explanation
        == "en-us/a.md changed in 1 commit after ms.sourcegitcommit \(repository.first.prefix(12)) (newest \(repository.second.prefix(12)), 2024-05-10T10:00:00Z)"
        || staleness.explanation
          == "en-us/a.md changed in 1 commit after ms.sourcegitcommit \(repository.first.prefix(12)) (newest \(repository.second.prefix(12)), 2024-05-10T10:00:00+00:00)"
    )
  }

  @Test func sourceUnchangedSinceTheSourceGitCommit() async throws {
    let repository = try await Repository()
    defer { repository.tree.remove() }
    let staleness = try await repository.staleness(
      "---\nms.sourcegitcommit: \(repository.second.prefix(10))\n---\n# A\n")
    #expect(staleness.freshness == .current)
    #expect(
      staleness.explanation
        == "en-us/a.md is unchanged since ms.sourcegitcommit \(repository.second.prefix(10))")
  }

  @Test func uncommittedSourceChangesMakeItStale() async throws {
    let repository = try await Repository()
    defer { repository.tree.remove() }
    try repository.tree.write(["docs/en-us/a.md": "# A\n\nEdited, not committed.\n"])
    let staleness = try await repository.staleness(
      "---\nms.sourcegitcommit: \(repository.second)\n---\n# A\n")
    #expect(staleness.freshness == .stale)
    #expect(
      staleness.explanation.hasSuffix(
        "has uncommitted changes made after ms.sourcegitcommit \(repository.second.prefix(12))"))
  }

  @Test func anUnknownCommitFallsBackToTheHandoffDate() async throws {
    let repository = try await Repository()
    defer { repository.tree.remove() }
    let unknown = "772eb9c6684dd4864e0ba507945a83e48b8c16f0"
    let stale = try await repository.staleness(
      "---\nms.sourcegitcommit: \(unknown)\nms.lasthandoff: 03/20/2024\n---\n# A\n")
    #expect(stale.freshness == .stale)
    #expect(stale.evidence == .lastHandoff)
    #expect(stale.line == 3)
    #expect(
      stale.explanation
        == "en-us/a.md last changed on 2024-05-10 (commit \(repository.second.prefix(12))), after ms.lasthandoff 2024-03-20"
    )
    #expect(
      stale.notes == ["ms.sourcegitcommit \(unknown) (line 2) is not in this repository's history"])

    let current = try await repository.staleness("---\nms.lasthandoff: 05/10/2024\n---\n# A\n")
    #expect(current.freshness == .current)
    #expect(
      current.explanation
        == "en-us/a.md last changed on 2024-05-10, not after ms.lasthandoff 2024-05-10")
  }

  @Test func aMalformedHashFallsBackToGitAndIsNamed() async throws {
    let repository = try await Repository()
    defer { repository.tree.remove() }
    let staleness = try await repository.staleness(
      "---\nms.openlocfilehash: not-a-hash\nms.sourcegitcommit: \(repository.second)\nms.lasthandoff: 31/31/2024\n---\n# A\n"
    )
    #expect(staleness.freshness == .current)
    #expect(staleness.evidence == .sourceGitCommit)
    #expect(
      staleness.notes == [
        "ms.openlocfilehash 'not-a-hash' (line 2) is not a SHA-1: not used",
        "ms.lasthandoff '31/31/2024' (line 4) is not a date (MM/DD/YYYY): not used",
      ])
  }

  @Test func aHashWinsOverGit() async throws {
    let repository = try await Repository()
    defer { repository.tree.remove() }
    let hash = SourceHash.openLocFileHash(of: Array("# A\n\nMore.\n".utf8))
    let staleness = try await repository.staleness(
      "---\nms.openlocfilehash: \(hash)\nms.sourcegitcommit: \(repository.first)\n---\n# A\n")
    #expect(staleness.freshness == .current)
    #expect(staleness.evidence == .openLocFileHash)
  }

  @Test func outsideARepositoryThereIsNoEvidence() async throws {
    let tree = try TemporaryTree([
      "en-us/a.md": "# A\n", "sv-se/a.md": "---\nms.lasthandoff: 03/20/2024\n---\n# A\n",
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    let report = await LocalizationAnalysis.run(site)
    let staleness = try #require(
      report.files.first { $0.pair.translationPath == "sv-se/a.md" }?.staleness)
    #expect(staleness.freshness == .unknown)
    #expect(staleness.evidence == .none)
    #expect(
      staleness.notes == [
        "the tree is not in a git repository: ms.sourcegitcommit and ms.lasthandoff cannot be checked"
      ])
  }
}
