import Checks
import DocModel
import DocSite
import TestSupport
import Testing

/// The rules over a Learn repository: what the build would report, and nothing else.
@Suite struct LearnRuleTests {
  static let publish = """
    {"docsets_to_publish": [{"docset_name": "d", "build_source_folder": "."}],
     "dependent_repositories": [
       {"path_to_root": "shared", "url": "https://example.com/shared", "branch": "live"},
       {"path_to_root": "_themes", "url": "https://example.com/themes", "branch": "main"}
     ]}
    """
  static let docfx = """
    {"build": {
      "content": [{"files": ["**/*.md"], "exclude": ["**/includes/**"], "src": "articles", "dest": "."}],
      "globalMetadata": {"ms.date": "01/01/2026", "description": "D"},
      "fileMetadata": {"ms.topic": {"articles/**/*.md": "concept-article"}}
    }}
    """
  static let base: [String: String] = [
    ".openpublishing.publish.config.json": publish,
    "docfx.json": docfx,
    ".openpublishing.redirection.json":
      #"{"redirections": [{"source_path": "articles/app/old.md", "redirect_url": "/site/app/page"}]}"#,
  ]

  func run(_ files: [String: String]) async throws -> CheckResult {
    try await check(Self.base.merging(files) { $1 }, requireFrontMatter: true)
  }

  @Test func metadataFromDocfxJsonCountsForRequiredFields() async throws {
    let result = try await run([
      "articles/app/page.md": "---\ntitle: T\n---\n# T\n",
      "README.md": "# No front matter, not a page\n",
    ])
    #expect(result.findings(.frontMatterMissingField) == [])
    #expect(result.filesChecked == 1)
  }

  @Test func anIncludeNoPageReachesIsNotReported() async throws {
    let result = try await run([
      "articles/app/page.md": "---\ntitle: T\n---\n# T\n\n[!INCLUDE [x](includes/used.md)]\n",
      "articles/app/includes/used.md": "[broken](nowhere.md)\n",
      "articles/app/includes/unused.md": "[broken](nowhere.md)\n",
    ])
    #expect(
      result.findings(.fileNotFound) == [
        "articles/app/includes/used.md:1:1 link target 'nowhere.md' not found (looked for articles/app/includes/nowhere.md)"
      ])
  }

  @Test func aLinkToARedirectedPageWorksAndIsReportedOnlyWhenAskedFor() async throws {
    let page = "---\ntitle: T\n---\n# T\n\n[old](old.md) and [new](page.md)\n"
    // The Learn build accepts a link to a redirected page: by default, nothing to report.
    let quiet = try await run(["articles/app/page.md": page])
    #expect(quiet.diagnostics == [])
    let result = try await run([
      "articles/app/page.md": page, "docproof.yml": "rules:\n  link-redirected: info\n",
    ])
    #expect(result.findings(.fileNotFound) == [])
    let note = try #require(result.all(.linkRedirected).first)
    #expect(note.severity == .info)
    #expect(
      note.message == "link target 'old.md' is redirected to /site/app/page: link there instead")
    #expect(
      note.notes == [
        "redirected by .openpublishing.redirection.json line 1",
        "that page is articles/app/page.md",
      ])
  }

  @Test func aRedirectedFileThatStillExistsIsAWarningAtItsRedirection() async throws {
    let result = try await run([
      "articles/app/page.md": "---\ntitle: T\n---\n# T\n",
      "articles/app/old.md": "---\ntitle: O\n---\n# O\n",
    ])
    #expect(
      result.findings(.redirectedFileNotRemoved) == [
        ".openpublishing.redirection.json:1:1 articles/app/old.md is redirected to /site/app/page but is still in the repository"
      ])
  }

  @Test func anAbsentDependencyIsOneNoteAndNoErrors() async throws {
    let result = try await run([
      "articles/app/page.md": """
      ---
      title: T
      ---
      # T

      [!INCLUDE [a](~/shared/includes/a.md)]
      [!INCLUDE [b](../../shared/includes/b.md)]

      ![diagram](~/shared/media/d.png)

      :::code language="bash" source="~/shared/x.sh" id="y":::

      [here](#from-the-include) and [there](other.md#elsewhere)
      """,
      "articles/app/other.md":
        "---\ntitle: O\n---\n# O\n\n[!INCLUDE [a](~/shared/includes/a.md)]\n",
    ])
    #expect(result.all(.includeNotFound).isEmpty && result.all(.fileNotFound).isEmpty)
    #expect(
      result.all(.bookmarkNotFound).isEmpty,
      "bookmarks on pages showing an absent include are unknown")
    #expect(
      result.findings(.dependencyMissing) == [
        ".openpublishing.publish.config.json:3:1 dependent repository https://example.com/shared (branch live) is not cloned at shared: 3 includes, 1 snippet, 1 image and 2 bookmarks could not be checked"
      ])
    let note = try #require(result.all(.dependencyMissing).first)
    #expect(note.severity == .info, "nothing on the pages is wrong")
    #expect(
      note.notes == [
        "clone it with `docproof clone-dependencies`, or `git clone --depth 1 --branch live https://example.com/shared shared`"
      ])
  }

  @Test func aPresentDependencyIsCheckedButItsFilesAreNotPages() async throws {
    let result = try await run([
      "articles/app/page.md":
        "---\ntitle: T\n---\n# T\n\n[!INCLUDE [a](~/shared/includes/a.md)]\n\n[x](#nope)\n",
      "shared/includes/a.md": "## From the include\n",
      "shared/unused/readme.md": "[broken](nowhere.md)\n",
    ])
    #expect(result.all(.dependencyMissing).isEmpty)
    #expect(
      result.findings(.bookmarkNotFound) == [
        "articles/app/page.md:8:1 bookmark '#nope' not found on this page"
      ])
    #expect(result.all(.fileNotFound).isEmpty)
  }

  @Test func siteAbsoluteLinksResolveUnderTheInferredBase() async throws {
    let result = try await run([
      "articles/app/page.md": """
      ---
      title: T
      ---
      # T

      [a](/site/app/page#t) [b](/site/app/missing) [c](/site/other/x) [d](/site/app/old#z)
      [e](/site/app/page#nope)
      """
    ])
    #expect(
      result.findings(.fileNotFound) == [
        "articles/app/page.md:6:23 link target '/site/app/missing' not found: no page of this repository is published at /site/app/missing"
      ])
    #expect(
      result.findings(.bookmarkNotFound) == [
        "articles/app/page.md:7:1 bookmark '#nope' not found in articles/app/page.md"
      ])
    #expect(result.all(.linkRedirected).isEmpty, "opt-in")
    #expect(result.diagnostics.count == 2)
  }

  /// The Learn build finds files without regard to case (its URLs are lowercase); a tree
  /// that is not a Learn repository keeps the case-sensitive check, with a did-you-mean.
  @Test func aLinkDifferingOnlyInCaseResolvesInALearnRepository() async throws {
    let page =
      "---\ntitle: T\n---\n# T\n\n![d](media/Azure-CNI/d.png) [o](Other.md#o)\n\n"
      + "[!INCLUDE [n](Includes/Note.md)]\n"
    let result = try await run([
      "articles/app/page.md": page, "articles/app/media/azure-cni/d.png": "png",
      "articles/app/other.md": "---\ntitle: O\n---\n# O\n",
      "articles/app/includes/note.md": "A note.\n",
    ])
    #expect(result.diagnostics == [])
    let plain = try await check([
      "en-us/page.md": page, "en-us/media/azure-cni/d.png": "png",
      "en-us/other.md": "---\ntitle: O\n---\n# O\n", "en-us/includes/note.md": "A note.\n",
    ])
    #expect(plain.all(.fileNotFound).count == 2)
    #expect(plain.all(.includeNotFound).count == 1)
    #expect(
      plain.all(.fileNotFound).first?.notes == ["did you mean 'media/azure-cni/d.png'?"],
      "\(plain.all(.fileNotFound))")
  }

  @Test func pivotsComeFromZonePivotGroupFilename() async throws {
    let docfx = Self.docfx.replacingOccurrences(
      of: #""description": "D""#,
      with: #""description": "D", "zone_pivot_group_filename": "pivots/app/zone-pivot-groups.json""#
    ).replacingOccurrences(
      of: #"{"files": ["**/*.md"], "exclude": ["**/includes/**"], "src": "articles", "dest": "."}"#,
      with:
        #"{"files": ["**/*.md"], "exclude": ["**/includes/**"], "src": "articles", "dest": "."}, {"files": ["*.yml"], "src": "pivots", "dest": "pivots/app"}"#
    )
    let page = """
      ---
      title: T
      zone_pivot_groups: langs
      ---
      # T

      ::: zone pivot="python"
      x
      ::: zone-end
      """
    let result = try await run([
      "docfx.json": docfx,
      "pivots/zone-pivot-groups.yml":
        "groups:\n- id: langs\n  title: L\n  pivots:\n  - id: python\n    title: P\n",
      "articles/app/page.md": page,
    ])
    #expect(result.all(.pivotGroupNotFound).isEmpty)
    #expect(result.all(.pivotIdNotFound).isEmpty)
    let missing = try await run(["docfx.json": docfx, "articles/app/page.md": page])
    #expect(
      missing.findings(.pivotGroupNotFound) == [
        "articles/app/page.md:3:1 pivot group 'langs' is not defined: there is no content file published at 'pivots/app/zone-pivot-groups.json' (zone_pivot_group_filename in globalMetadata in docfx.json)"
      ])
  }

  @Test func monikerRangesAreCheckedAgainstTheDocsetsMonikers() async throws {
    let publish = Self.publish.replacingOccurrences(
      of: #""build_source_folder": ".""#,
      with: #""build_source_folder": ".", "monikers": ["app-1", "app-2"]"#)
    let result = try await run([
      ".openpublishing.publish.config.json": publish,
      "articles/app/page.md": """
      ---
      title: T
      ---
      # T

      ::: moniker range=">=app-2 || app-3 || ap-2"
      v2
      ::: moniker-end

      :::: moniker range="app-1"
      v1
      ::: moniker-end
      """,
    ])
    #expect(
      result.findings(.monikerRangeInvalid) == [
        "articles/app/page.md:6:1 Invalid moniker range: '>=app-2 || app-3 || ap-2'. Moniker 'ap-2' is not defined."
      ])
    #expect(
      result.findings(.invalidMonikerRange) == [
        "articles/app/page.md:10:1 No \"::: moniker-end\" found for \"app-1\", MonikerRange does not end explicitly.",
        "articles/app/page.md:12:1 '::: moniker-end' without an open moniker range: DocFX renders it as text on the page",
      ])
  }
}
