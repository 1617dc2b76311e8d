import CheckPipeline
import Checks
import CorpusGenerator
import DocModel
import DocSite
import Foundation
import Localization
import TestSupport
import Testing
import Transcripts

@testable import Incremental

/// `--changed-since` against full runs on a generated tree in a git repository: for each
/// kind of change, the incremental check reports no finding a full run does not, every
/// finding the change introduced, and on the pages it covers exactly what a full run does.
@Suite(.serialized) struct ChangeImpactTests {
  /// A finding, compared with its message (which names the including page).
  struct Finding: Hashable, CustomStringConvertible {
    var rule: String
    var path: String
    var line: Int
    var message: String
    var description: String { "\(path):\(line) [\(rule)] \(message)" }
  }

  /// One change to the generated tree and what must come of it.
  struct Change: Sendable, CustomTestStringConvertible {
    var name: String
    var apply: @Sendable (GitRepository) throws -> Void
    /// Findings (rule, path) the change must introduce.
    var introduces: [(String, String)] = []
    /// Whether the change reaches less than a tenth of the tree.
    var small = true
    var testDescription: String { name }
  }

  static let changes: [Change] = [
    Change(
      name: "a bookmark in an include",
      apply: {
        try $0.replace("en-us/area-0/includes/page-0-azcli.md", "#next-steps", "#next-stepz")
      },
      introduces: [("bookmark-not-found", "en-us/area-0/includes/page-0-azcli.md")]),
    Change(
      name: "a heading that other pages and the page's includes link to",
      apply: { try $0.replace("en-us/area-14/page-14.md", "## Next steps", "## Next moves") },
      introduces: [
        ("bookmark-not-found", "en-us/area-14/includes/page-14-python.md"),
        ("bookmark-not-found", "en-us/area-0/includes/page-0-azcli.md"),
      ]),
    Change(
      name: "a page deleted, with its translation",
      apply: { try $0.delete("en-us/area-7/page-87.md") },
      introduces: [
        ("file-not-found", "en-us/area-18/page-98.md"),
        ("bookmark-not-found", "en-us/area-7/includes/page-87-python.md"),
      ]),
    Change(
      name: "an include dropped from a page",
      apply: {
        try $0.replace(
          "en-us/area-5/page-5.md", "[!INCLUDE [java](includes/page-5-java.md)]", "Java.")
      },
      introduces: [("bookmark-not-found", "en-us/area-5/includes/page-5-java.md")]),
    Change(
      name: "a translated page's source edited",
      apply: { try $0.replace("en-us/area-0/page-0.md", "Start with", "Begin with") },
      introduces: [("l10n-stale", "sv-se/area-0/page-0.md")]),
    Change(
      name: "a localized include deleted (the page falls back to the source's)",
      apply: { try $0.delete("sv-se/area-0/includes/page-0-azcli.md") }),
    Change(
      name: "an image deleted",
      apply: { try $0.delete("en-us/media/diagram-0.png") },
      introduces: [("file-not-found", "en-us/area-0/page-0.md")], small: false),
    Change(
      name: "a new nested include with a bookmark only the page could have",
      apply: {
        try $0.write(["en-us/area-0/includes/nested.md": "See [this](#nowhere).\n"])
        try $0.replace(
          "en-us/area-0/includes/page-0-azcli.md", "Install for azcli:",
          "[!INCLUDE [n](nested.md)]\n\nInstall for azcli:")
      },
      introduces: [("bookmark-not-found", "en-us/area-0/includes/nested.md")]),
    Change(
      name: "a new page with a broken link",
      apply: { try $0.write(["en-us/area-3/new page.md": "# New\n\n[x](nope.md)\n"]) },
      introduces: [("file-not-found", "en-us/area-3/new page.md")]),
  ]

  @Test(arguments: changes)
  func reportsWhatAFullRunReportsOnWhatTheChangeCanAffect(_ change: Change) async throws {
    let repository = try await Self.corpus()
    defer { repository.tree.remove() }
    let before = try await Self.full(repository)
    try change.apply(repository)
    let after = try await Self.full(repository)

    let scanned = try Site.scan(root: repository.path, knownRules: RuleRegistry.knownIDs)
    let changes = try await ChangedFiles.since("HEAD", root: repository.path)
    let impact = await ChangeImpact.compute(site: scanned, changes: changes)
    guard case .files(let scope) = impact.scope else {
      Issue.record("expected a partial check, got \(impact.scope)")
      return
    }
    let incremental = await Self.findings(impact.site, scope: scope)
    // The reference cache changes how files are read, never what is checked: built by one
    // run, used by the next.
    let building = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    let cached = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    #expect(building.scope == impact.scope && cached.scope == impact.scope)
    #expect(cached.filesRead <= changes.changed.count)

    #expect(!after.subtracting(before).isEmpty, "the change must break something")
    let falseFindings = incremental.subtracting(after)
    #expect(
      falseFindings.isEmpty,
      "not in a full run: \(falseFindings.sorted { $0.description < $1.description })")
    let missed = after.subtracting(before).subtracting(incremental)
    #expect(missed.isEmpty, "introduced but not reported: \(missed)")
    for (rule, path) in change.introduces {
      #expect(incremental.contains { $0.rule == rule && $0.path == path }, "\(rule) at \(path)")
    }
    // On the pages in scope (not includes, whose findings depend on every page showing
    // them), exactly what a full run reports.
    let full = try await Site.load(root: repository.path, knownRules: RuleRegistry.knownIDs)
    let pages = scope.filter { full.files[$0] != nil && !full.includes.isInclude($0) }
    #expect(
      after.filter { pages.contains($0.path) } == incremental.filter { pages.contains($0.path) })
    // And a small part of the tree.
    if change.small {
      #expect(scope.count < full.files.count / 10, "\(scope.count) of \(full.files.count) files")
    }
  }

  @Test func changesThatReachFilesWithoutNamingThemCheckEverything() async throws {
    let repository = try await Self.corpus()
    defer { repository.tree.remove() }
    let scanned = try Site.scan(root: repository.path, knownRules: RuleRegistry.knownIDs)
    for (file, reason) in [
      ("docproof.yml", "docproof.yml changed"),
      ("en-us/zone-pivot-groups.yml", "en-us/zone-pivot-groups.yml changed"),
      ("en-us/area-2/index.md", "en-us/area-2/index.md changed"),
    ] {
      let changes = ChangedFiles(changed: [file], deleted: [], elsewhere: [], commit: "x")
      let impact = await ChangeImpact.compute(site: scanned, changes: changes)
      guard case .everything(let why) = impact.scope else {
        Issue.record("\(file): expected a full check")
        continue
      }
      #expect(why.hasPrefix(reason))
      #expect(impact.site.files.count == scanned.markdownPaths.count)
    }
    let none = await ChangeImpact.compute(
      site: scanned, changes: ChangedFiles(changed: [], deleted: [], elsewhere: [], commit: "x"))
    #expect(none.scope == .files([]))
    #expect(none.site.files.isEmpty)
  }

  @Test func aChangedGoldenFileChecksEverythingAndASnippetSourceOnlyItsPages() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        demo:
          command: [echo, hi]
          golden: golden/demo.txt
      """,
      "docs/page.md":
        "# Page\n\n<!-- docproof: snippet ../Sources/app.swift -->\n```swift\nx\n```\n",
      "docs/other.md": "# Other\n",
    ])
    defer { tree.remove() }
    let top = try #require(FileTree.realPath(tree.path))
    let scanned = try Site.scan(root: tree.path + "/docs", knownRules: RuleRegistry.knownIDs)
    let golden = await ChangeImpact.compute(
      site: scanned,
      changes: ChangedFiles(
        changed: [], deleted: [], elsewhere: [top + "/golden/demo.txt"], commit: "x"))
    #expect(golden.scope == .everything(reason: "the golden file golden/demo.txt changed"))
    let snippet = await ChangeImpact.compute(
      site: scanned,
      changes: ChangedFiles(
        changed: [], deleted: [], elsewhere: [top + "/Sources/app.swift"], commit: "x"))
    #expect(snippet.scope == .files(["page.md"]))
  }

  @Test func theReferenceCacheIsUsedAndRebuiltWhenDamaged() async throws {
    let repository = try await Self.corpus()
    defer { repository.tree.remove() }
    let include = "en-us/area-0/includes/page-0-azcli.md"
    try repository.replace(include, "#next-steps", "#next-stepz")
    let scanned = try Site.scan(root: repository.path, knownRules: RuleRegistry.knownIDs)
    let changes = try await ChangedFiles.since("HEAD", root: repository.path)
    let plain = await ChangeImpact.compute(site: scanned, changes: changes)
    let all = scanned.markdownPaths.count

    let first = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    #expect(first.filesRead == all && first.notes.isEmpty)
    let file = repository.tree.url.appendingPathComponent(ReferenceCache.relativePath)
    #expect(FileManager.default.fileExists(atPath: file.path))
    // Kept out of git by its own .gitignore: the working tree shows only the change.
    #expect(try await repository.git(["status", "--porcelain"]) == "M \(include)")
    let second = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    #expect(second.filesRead == 1 && second.notes.isEmpty)
    #expect(first.scope == plain.scope && second.scope == plain.scope)

    // Damaged: a note, every file read, the same scope, and a good cache again.
    let good = try Data(contentsOf: file)
    var bad = good
    bad[bad.count / 2] ^= 0x40
    try bad.write(to: file)
    let third = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    #expect(third.notes.count == 1)
    #expect(third.notes.first?.contains("references-v3.bin is damaged") == true)
    #expect(third.filesRead == all && third.scope == plain.scope)
    #expect(try Data(contentsOf: file) == good)
    let fourth = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    #expect(fourth.filesRead == 1 && fourth.notes.isEmpty)
  }

  @Test func aCacheFolderLinkedOutOfTheTreeIsNeitherReadNorWritten() async throws {
    let repository = try await GitRepository([
      "en-us/a.md": "# A\n\n[b](b.md)\n", "en-us/b.md": "# B\n",
    ])
    defer { repository.tree.remove() }
    try await repository.commitAll()
    let outside = try TemporaryTree([:])
    defer { outside.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: repository.path + "/.docproof-cache", withDestinationPath: outside.path)
    try repository.write(["en-us/b.md": "# B2\n"])
    let scanned = try Site.scan(root: repository.path, knownRules: RuleRegistry.knownIDs)
    let changes = try await ChangedFiles.since("HEAD", root: repository.path)
    let impact = await ChangeImpact.compute(site: scanned, changes: changes, useCache: true)
    guard case .files(let scope) = impact.scope else {
      Issue.record("expected a partial check, got \(impact.scope)")
      return
    }
    // The link itself is a new untracked file to git.
    #expect(scope == ["en-us/a.md", "en-us/b.md", ".docproof-cache"])
    #expect(
      impact.notes == [
        "cannot write .docproof-cache/references-v3.bin: .docproof-cache leads outside the root: the next run reads every file again"
      ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
  }

  /// A 200-page generated tree, committed.
  static func corpus() async throws -> GitRepository {
    let tree = try TemporaryTree([:])
    _ = try CorpusGenerator(pages: 200).write(to: tree.url)
    let repository = try await GitRepository(tree: tree)
    try await repository.commitAll("base")
    return repository
  }

  static func full(_ repository: GitRepository) async throws -> Set<Finding> {
    await findings(
      try await Site.load(root: repository.path, knownRules: RuleRegistry.knownIDs), scope: nil)
  }

  /// What `docproof check --no-run` reports, minus transcripts (the tree has none).
  static func findings(_ site: Site, scope: Set<String>?) async -> Set<Finding> {
    let l10n = await LocalizationAnalysis.run(
      site, rules: RuleRegistry.localization, transcripts: TranscriptFinder.lines, only: scope
    ).diagnostics
    let result = await Checker.run(
      site, rules: RuleRegistry.structural, options: CheckOptions(scope: scope), additional: l10n)
    return Set(
      result.diagnostics.map {
        Finding(rule: $0.rule.rawValue, path: $0.path, line: $0.line, message: $0.message)
      })
  }
}

extension GitRepository {
  func replace(_ relative: String, _ old: String, _ new: String) throws {
    let text = try read(relative)
    try #require(text.contains(old), "\(relative) has no '\(old)'")
    try write([relative: text.replacingOccurrences(of: old, with: new)])
  }
}
