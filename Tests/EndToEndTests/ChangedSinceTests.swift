import Foundation
import TestSupport
import Testing

/// `docproof check --changed-since REF` as a user runs it: what it says it checks, what
/// it reports, and its errors.
@Suite struct ChangedSinceTests {
  static let files = [
    "docs/docproof.yml": "sourceLocale: en-us\nfrontMatter:\n  required: []\n",
    "docs/en-us/a.md": "# A\n\n## Set up\n\n[B](b.md#b)\n",
    "docs/en-us/b.md": "# B\n\n[A](a.md#set-up)\n",
    "docs/en-us/c.md": "# C\n\n[missing](nowhere.md)\n",
  ]

  static func repository() async throws -> GitRepository {
    let repository = try await GitRepository(files)
    try await repository.commitAll("base")
    return repository
  }

  @Test func reportsWhatTheChangeBreaksAndNotTheRest() async throws {
    let repository = try await Self.repository()
    let tree = repository.tree
    defer { tree.remove() }
    let clean = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD", "docs"], in: tree.url)
    #expect(clean.status == 0)
    #expect(clean.stdout == "docproof: no problems in 0 files\n")
    #expect(
      clean.stderr
        == "docproof: 0 files changed since HEAD; checking the 0 Markdown files they can affect\n")

    // The heading b.md links to is renamed: b.md breaks although only a.md changed; c.md's
    // old broken link is not reported.
    try tree.write(["docs/en-us/a.md": "# A\n\n## Install\n\n[B](b.md#b)\n"])
    let changed = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD", "docs"], in: tree.url)
    #expect(changed.status == 1)
    #expect(
      changed.stdout == """
        docs/en-us/b.md:3:1: error: bookmark '#set-up' not found in docs/en-us/a.md [bookmark-not-found]
        docproof: 1 error, 0 warnings in 2 files

        """)
    #expect(
      changed.stderr
        == "docproof: 1 file changed since HEAD; checking the 2 Markdown files they can affect\n")

    try tree.write([
      "docs/docproof.yml": "# Changed.\nsourceLocale: en-us\nfrontMatter:\n  required: []\n"
    ])
    let everything = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD", "docs"], in: tree.url)
    #expect(everything.status == 1)
    #expect(
      everything.stderr.hasPrefix(
        "docproof: --changed-since HEAD: docproof.yml changed: checking every file\n"))
    #expect(
      everything.stdout.contains(
        "docs/en-us/c.md:3:1: error: link target 'nowhere.md' not found (looked for docs/en-us/nowhere.md)"
      ))
  }

  @Test func keepsAReferenceCacheInsideTheTreeUnlessToldNotTo() async throws {
    let repository = try await Self.repository()
    let tree = repository.tree
    defer { tree.remove() }
    try tree.write(["docs/en-us/a.md": "# A\n\n## Install\n\n[B](b.md#b)\n"])
    let arguments = ["check", "--no-run", "--changed-since", "HEAD", "docs"]
    let folder = tree.url.appendingPathComponent("docs/.docproof-cache")
    let cache = folder.appendingPathComponent("references-v3.bin")
    let retired = folder.appendingPathComponent("references-v2.bin")

    let off = try await BinaryRunner.docproof(arguments + ["--no-cache"], in: tree.url)
    #expect(off.status == 1)
    #expect(!FileManager.default.fileExists(atPath: folder.path))
    // An earlier version's cache, of no use any more: removed once the new one is written.
    try tree.write([
      "docs/.docproof-cache/references-v2.bin": "DPREFS02",
      "docs/.docproof-cache/.gitignore": "*\n",
    ])

    for _ in 0..<2 {  // builds the cache, then uses it: the same report
      let run = try await BinaryRunner.docproof(arguments, in: tree.url)
      #expect(run.status == 1 && run.stdout == off.stdout && run.stderr == off.stderr)
      #expect(FileManager.default.fileExists(atPath: cache.path))
      #expect(!FileManager.default.fileExists(atPath: retired.path))
    }
    // Kept out of git by its own .gitignore.
    #expect(try await repository.git(["status", "--porcelain"]) == "M docs/en-us/a.md")

    try Data("damaged".utf8).write(to: cache)
    let damaged = try await BinaryRunner.docproof(arguments, in: tree.url)
    #expect(damaged.status == 1 && damaged.stdout == off.stdout)
    #expect(
      damaged.stderr
        == "docproof: .docproof-cache/references-v3.bin is damaged (not a docproof reference index (or another version)): reading every file and rebuilding it\n"
        + off.stderr)
    let repaired = try await BinaryRunner.docproof(arguments, in: tree.url)
    #expect(repaired.stderr == off.stderr)
  }

  @Test func aReferenceThatIsNoCommitStopsTheRun() async throws {
    let repository = try await Self.repository()
    let tree = repository.tree
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "origin/main", "docs"], in: tree.url)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "docproof: --changed-since: 'origin/main' is not a commit of this repository; fetch it first (for example 'git fetch origin main', or 'fetch-depth: 0' in a shallow CI checkout)\n"
    )
  }

  @Test func aTreeOutsideGitStopsTheRun() async throws {
    let tree = try TemporaryTree(Self.files)
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD", "docs"], in: tree.url)
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("--changed-since needs a git repository, and docs is not in one"))
  }
}

/// A snippet's source lives outside the docs tree: changing it re-checks the pages that
/// show it.
@Suite struct ChangedSinceSnippetTests {
  @Test func aChangedSnippetSourceOutsideTheTreeRechecksItsPages() async throws {
    let repository = try await GitRepository([
      "docs/docproof.yml": "frontMatter:\n  required: []\nproject: ..\n",
      "docs/en-us/page.md": """
      # Page

      <!-- docproof: snippet ../../Sources/app.swift -->
      ```swift
      print("hello")
      ```

      """,
      "docs/en-us/other.md": "# Other\n",
      "Sources/app.swift": "print(\"hello\")\n",
    ])
    defer { repository.tree.remove() }
    try await repository.commitAll("base")
    try repository.write(["Sources/app.swift": "print(\"bye\")\n"])
    let result = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD", "docs"], in: repository.tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout.hasPrefix(
        "docs/en-us/page.md:4:1: error: this code block differs from its source '../../Sources/app.swift' [snippet-drift]"
      ))
    #expect(
      result.stdout.hasSuffix(
        "docproof: 1 error, 0 warnings in 1 file; 0 of 1 snippet match their sources\n"))
    #expect(
      result.stderr
        == "docproof: 1 file changed since HEAD; checking the 1 Markdown file they can affect\n")
  }
}

/// `--changed-since` in a Learn repository: the build's configuration reaches every page.
@Suite struct LearnChangedSinceTests {
  @Test func aChangedRedirectionOrDocfxJsonChecksEverythingAPageOnlyWhatItReaches() async throws {
    let repository = try await GitRepository([
      "docfx.json":
        #"{"build": {"content": [{"files": ["**/*.md"], "src": "articles"}], "globalMetadata": {"ms.date": "01/01/2026", "ms.topic": "article", "description": "D"}}}"#,
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "articles/old.md", "redirect_url": "/site/a"}]}"#,
      "articles/a.md": "---\ntitle: A\n---\n# A\n\n[old](old.md)\n",
      "articles/b.md": "---\ntitle: B\n---\n# B\n",
    ])
    try await repository.commitAll("base")
    let tree = repository.tree
    defer { tree.remove() }
    try tree.write(["articles/b.md": "---\ntitle: B\n---\n# B\n\n[gone](gone.md)\n"])
    let page = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD"], in: tree.url)
    #expect(
      page.stderr
        == "docproof: 1 file changed since HEAD; checking the 1 Markdown file they can affect\n")
    #expect(page.stdout.hasPrefix("articles/b.md:6:1: error: link target 'gone.md' not found"))

    try tree.write([".openpublishing.redirection.json": #"{"redirections": []}"#])
    let all = try await BinaryRunner.docproof(
      ["check", "--no-run", "--changed-since", "HEAD"], in: tree.url)
    #expect(
      all.stderr
        == "docproof: --changed-since HEAD: .openpublishing.redirection.json changed: checking every file\n"
    )
    #expect(all.stdout.contains("articles/a.md:6:1: error: link target 'old.md' not found"))
  }
}
