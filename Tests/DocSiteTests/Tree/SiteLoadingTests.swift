import DocModel
import DocSite
import Foundation
import TestSupport
import Testing

@Suite struct SiteLoadingTests {
  func load(_ files: [String: String]) async throws -> Site {
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    return try await Site.load(root: tree.path, knownRules: [])
  }

  @Test func localesAreDetectedAndTheSourceComesFirst() async throws {
    let site = try await load([
      "en-us/a.md": "# A\n", "sv-se/a.md": "# A\n", "de-de/a.md": "# A\n", "media/x.png": "",
    ])
    #expect(site.locales.map(\.name) == ["en-us", "de-de", "sv-se"])
    #expect(site.locale(of: "sv-se/a.md").name == "sv-se")
    #expect(site.files.keys.sorted() == ["de-de/a.md", "en-us/a.md", "sv-se/a.md"])
  }

  @Test func aTreeWithoutLocaleFoldersIsOneLocale() async throws {
    let site = try await load(["index.md": "# Home\n", "guide/start.md": "# Start\n"])
    #expect(site.locales.map(\.folder) == [""])
    #expect(site.files.count == 2)
  }

  @Test func onlyRealLanguageRegionTagsAreLocaleFolders() async throws {
    let site = try await load([
      "LTS-version/a.md": "# A\n", "Latest-version/a.md": "# A\n", "key-vault/a.md": "# A\n",
    ])
    #expect(site.locales.map(\.folder) == [""])
    #expect(site.files.count == 3)
  }

  @Test func anEmptyLocalesListTurnsDetectionOff() async throws {
    let withSource = try await load([
      "docproof.yml": "locales: []\n", "en-us/a.md": "# A\n", "sv-se/a.md": "# A\n",
    ])
    #expect(withSource.locales.map(\.folder) == ["en-us"])
    #expect(withSource.files.keys.sorted() == ["en-us/a.md"])
    let without = try await load(["docproof.yml": "locales: []\n", "zh-cn/a.md": "# A\n"])
    #expect(without.locales.map(\.folder) == [""])
    #expect(without.files.keys.sorted() == ["zh-cn/a.md"])
  }

  @Test func aLocaleFolderLinkedOutOfTheTreeIsAnError() async throws {
    let outside = try TemporaryTree(["a.md": "# A\n"])
    defer { outside.remove() }
    for locale in ["en-us", "sv-se"] {
      let tree = try TemporaryTree(["en-us/a.md": "# A\n", "de-de/a.md": "# A\n"])
      defer { tree.remove() }
      if locale == "en-us" { try FileManager.default.removeItem(atPath: tree.path + "/en-us") }
      try tree.link(locale, to: outside.path)
      await #expect(
        throws: SiteError.localeOutsideRoot(
          root: tree.path, locale: locale, target: FileTree.realPath(outside.path)!)
      ) { _ = try await Site.load(root: tree.path, knownRules: []) }
    }
  }

  /// A docproof.yml that is there but cannot be read stops the run: never the defaults.
  @Test func anUnreadableConfigurationIsAnErrorNotTheDefaults() async throws {
    let outside = try TemporaryTree(["docproof.yml": "rules: {}\n"])
    defer { outside.remove() }
    let cases: [(String, (TemporaryTree) throws -> Void)] = [
      ("a folder", { try $0.write(["docproof.yml/x": "x"]) }),
      (
        "a dangling symbolic link", { try $0.link("docproof.yml", to: "/nonexistent/docproof.yml") }
      ),
      (
        "a symbolic link to \(FileTree.realPath(outside.path)!)/docproof.yml, outside the tree",
        { try $0.link("docproof.yml", to: outside.path + "/docproof.yml") }
      ),
      ("a FIFO, not a file", { #expect(mkfifo($0.path + "/docproof.yml", 0o644) == 0) }),
    ]
    for (problem, make) in cases {
      let tree = try TemporaryTree(["en-us/a.md": "# A\n"])
      defer { tree.remove() }
      try make(tree)
      await #expect(
        throws: SiteError.configuration(
          ConfigurationError(
            path: tree.path + "/docproof.yml", line: 1, message: "cannot read it: it is \(problem)")
        )
      ) { _ = try await Site.load(root: tree.path, knownRules: []) }
    }
  }

  @Test func aListedLocaleWithoutItsFolderIsAnErrorAtItsLine() async throws {
    let tree = try TemporaryTree([
      "docproof.yml": "frontMatter:\n  required: []\nlocales: [en-us, fr-fr]\n",
      "en-us/a.md": "# A\n",
    ])
    defer { tree.remove() }
    await #expect(
      throws: SiteError.configuration(
        ConfigurationError(
          path: tree.path + "/docproof.yml", line: 3,
          message: "locale 'fr-fr' is listed but \(tree.path) has no 'fr-fr' folder"))
    ) { _ = try await Site.load(root: tree.path, knownRules: []) }
  }

  @Test func missingSourceLocaleIsAnError() async throws {
    let tree = try TemporaryTree(["sv-se/a.md": "# A\n"])
    defer { tree.remove() }
    await #expect(throws: SiteError.self) {
      _ = try await Site.load(root: tree.path, knownRules: [])
    }
  }

  @Test func missingRootIsAnError() async {
    await #expect(throws: SiteError.rootNotFound("/nonexistent/docs")) {
      _ = try await Site.load(root: "/nonexistent/docs", knownRules: [])
    }
  }

  @Test func hiddenFoldersAreSkipped() async throws {
    let site = try await load([
      "en-us/a.md": "# A\n", "en-us/.git/x.md": "# X\n", ".cache/y.md": "# Y\n",
    ])
    #expect(site.files.keys.sorted() == ["en-us/a.md"])
  }

  @Test func oversizedFilesAreSkippedWithAFinding() async throws {
    let site = try await load([
      "docproof.yml": "maxFileSize: 10\n", "en-us/big.md": String(repeating: "x", count: 100),
    ])
    #expect(site.files.isEmpty)
    #expect(site.fileDiagnostics.map(\.rule) == [.fileTooLarge])
  }

  @Test func aFullLoadAndAPiecemealOneParseTheSameFilesInTheSameOrder() async throws {
    let tree = try TemporaryTree([
      "docproof.yml": "maxFileSize: 40\n", "en-us/b.md": "# B\n", "en-us/a/z.md": "# Z\n",
      "en-us/a.md": "# A\n", "en-us/big.md": String(repeating: "x", count: 100),
      "sv-se/a.md": "# A\n", "en-us/a b.md": "# AB\n",
    ])
    defer { tree.remove() }
    let full = try await Site.load(root: tree.path, knownRules: [])
    let scanned = try Site.scan(root: tree.path, knownRules: [])
    // A little at a time, out of order and with repeats, as `--changed-since` does.
    let piecemeal = await scanned.parsing(["sv-se/a.md", "en-us/b.md", "sv-se/a.md"])
      .parsing(["en-us/big.md", "en-us/a/z.md", "en-us/a.md", "missing.md"])
      .parsing(scanned.markdownPaths)
    let expected = ["en-us/a b.md", "en-us/a.md", "en-us/a/z.md", "en-us/b.md", "sv-se/a.md"]
    #expect(full.parsedPaths == expected)
    #expect(piecemeal.parsedPaths == expected)
    #expect(full.fileDiagnostics.map(\.rule) == [.fileTooLarge])
    #expect(Set(full.files.keys) == Set(expected))
  }

  /// A file replaced by a FIFO between the walk and the read is a finding, not a hang.
  @Test(.timeLimit(.minutes(1))) func aFileSwappedForAFIFOAfterTheWalkIsAFinding() async throws {
    let tree = try TemporaryTree(["en-us/a.md": "# A\n", "en-us/b.md": "# B\n"])
    defer { tree.remove() }
    let scanned = try Site.scan(root: tree.path, knownRules: [])
    try #require(unlink(tree.path + "/en-us/b.md") == 0)
    try #require(mkfifo(tree.path + "/en-us/b.md", 0o600) == 0)
    // A parse that waited on the FIFO would be let go by the watchdog, and counted.
    let watchdog = FIFOWatchdog(tree.path + "/en-us/b.md")
    defer { watchdog.stop() }
    let site = await scanned.parsingEverything()
    #expect(watchdog.unblocked == 0)
    #expect(site.parsedPaths == ["en-us/a.md"])
    #expect(site.fileDiagnostics.map(\.rule) == [.fileUnreadable])
    #expect(
      site.fileDiagnostics.first?.message
        == "cannot read en-us/b.md: it is not a regular file (a FIFO, socket or device)")
  }

  @Test func includeFilesAreNotPages() async throws {
    let site = try await load([
      "en-us/page.md": "# P\n\n[!INCLUDE [x](parts/x.md)]\n", "en-us/parts/x.md": "x\n",
      "en-us/includes/orphan.md": "y\n",
    ])
    #expect(site.pages == ["en-us/page.md"])
    #expect(site.includes.pages(showing: "en-us/parts/x.md") == ["en-us/page.md"])
  }

  /// The graph numbers files by their place in `parsedPaths`: what it answers by number
  /// must be what it answers by path, on a full load and on a piecemeal one.
  @Test func theIncludeGraphAnswersByNumberAsByPath() async throws {
    let tree = try TemporaryTree([
      "en-us/b.md": "# B\n\n[!INCLUDE [x](parts/x.md)]\n[!INCLUDE [y](parts/y.md)]\n",
      "en-us/a.md": "# A\n\n[!INCLUDE [x](parts/x.md)]\n[!INCLUDE [gone](parts/gone.md)]\n",
      "en-us/parts/x.md": "x\n\n[!INCLUDE [z](z.md)]\n", "en-us/parts/y.md": "y\n",
      "en-us/parts/z.md": "z\n", "en-us/includes/orphan.md": "o\n",
      // A cycle no root reaches: each only includes the other.
      "en-us/c1.md": "[!INCLUDE [c](c2.md)]\n", "en-us/c2.md": "[!INCLUDE [c](c1.md)]\n",
    ])
    defer { tree.remove() }
    let full = try await Site.load(root: tree.path, knownRules: [])
    let scanned = try Site.scan(root: tree.path, knownRules: [])
    let piecemeal = await scanned.parsing(["en-us/parts/x.md", "en-us/b.md"])
      .parsing(scanned.markdownPaths)
    for site in [full, piecemeal] {
      let graph = site.includes
      for (index, path) in site.parsedPaths.enumerated() {
        #expect(graph.isInclude(at: index) == graph.isInclude(path))
      }
      #expect(site.pages == ["en-us/a.md", "en-us/b.md"])
      #expect(
        graph.allEdges.map(\.from) == [
          "en-us/a.md", "en-us/a.md", "en-us/b.md", "en-us/b.md", "en-us/c1.md", "en-us/c2.md",
          "en-us/parts/x.md",
        ])
      #expect(graph.edges(of: "en-us/b.md").map(\.include.path) == ["parts/x.md", "parts/y.md"])
      #expect(graph.edges(of: "en-us/nothing.md").isEmpty)
      #expect(
        graph.expansion(from: "en-us/b.md") == [
          "en-us/b.md", "en-us/parts/x.md", "en-us/parts/z.md", "en-us/parts/y.md",
        ])
      #expect(
        graph.expansion(from: "en-us/parts/x.md") == ["en-us/parts/x.md", "en-us/parts/z.md"])
      #expect(
        graph.shown(from: "en-us/b.md").map(\.path) == graph.expansion(from: "en-us/b.md"))
      #expect(
        graph.shown(from: "en-us/parts/x.md").map(\.page.lineCount) == [3, 1])
      #expect(graph.shown(from: "en-us/nothing.md").isEmpty)
      #expect(site.parsedFiles.map(\.0) == site.parsedPaths)
      #expect(site.parsedFiles.allSatisfy { path, page in page.path == path })
      #expect(graph.pages(showing: "en-us/parts/z.md") == ["en-us/a.md", "en-us/b.md"])
      #expect(graph.pages(showing: "en-us/a.md") == ["en-us/a.md"])
      #expect(graph.cycles.map(\.chain) == [["en-us/c1.md", "en-us/c2.md", "en-us/c1.md"]])
      #expect(graph.isInclude("en-us/c1.md") && graph.isInclude("en-us/c2.md"))
      #expect(graph.isInclude("en-us/includes/orphan.md"))
    }
  }
}
