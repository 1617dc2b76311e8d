import DocModel
import DocSite
import TestSupport
import Testing

/// A tree laid out as a Learn repository is read as the Learn build reads it.
@Suite struct LearnRepositoryTests {
  static let publish = """
    {"docsets_to_publish": [{"docset_name": "aks", "build_source_folder": ".", "locale": "en-us"}],
     "dependent_repositories": [
       {"path_to_root": "reusable-content", "url": "https://github.com/MicrosoftDocs/reusable-content", "branch": "main"},
       {"path_to_root": "samples", "url": "https://github.com/x/samples", "branch": "master"}
     ]}
    """
  static let docfx = """
    {"build": {
      "content": [
        {"files": ["**/*.md", "**/*.yml"], "exclude": ["**/includes/**"], "src": "articles", "dest": "."},
        {"files": ["zone-pivot-groups.yml"], "src": "zone-pivots", "dest": "zone-pivots/aks/"},
        {"files": ["**/*.yml"], "src": "generated", "dest": "reference"}
      ],
      "resource": [{"files": ["**/*.png"], "src": "articles", "dest": "."}],
      "globalMetadata": {"ms.date": "01/01/2026", "zone_pivot_group_filename": "zone-pivots/aks/zone-pivot-groups.yml"},
      "fileMetadata": {
        "ms.topic": {"articles/**/*.md": "concept-article", "articles/aks/how-to-*.md": "how-to"},
        "ms.service": {"articles/aks/**/*.md": "aks"}
      }
    }}
    """
  static let redirection = """
    {"redirections": [
      {"source_path_from_root": "/articles/aks/old.md", "redirect_url": "/azure/aks/new-page"},
      {"source_path_from_root": "/articles/aks/older.md", "redirect_url": "/azure/aks/old"},
      {"source_path_from_root": "/articles/aks/kept.md", "redirect_url": "/azure/aks/new-page"}
    ]}
    """

  static let files: [String: String] = [
    ".openpublishing.publish.config.json": publish,
    "docfx.json": docfx,
    "articles/aks/.openpublishing.redirection.aks.json": redirection,
    "README.md": "# Readme\n\n[nowhere](nowhere.md)\n",
    "zone-pivots/zone-pivot-groups.yml":
      "groups:\n- id: tools\n  title: T\n  pivots:\n  - id: cli\n    title: CLI\n",
    "articles/aks/index.yml": "### YamlMime:Landing\ntitle: AKS\n",
    "articles/aks/new-page.md":
      "---\ntitle: New\nzone_pivot_groups: tools\n---\n# New page\n\n[!INCLUDE [i](includes/used.md)]\n",
    "articles/aks/how-to-x.md":
      "---\ntitle: How\nms.topic: tutorial\n---\n# How\n\n[!INCLUDE [r](~/reusable-content/note.md)]\n",
    "articles/aks/kept.md": "# Kept\n",
    "articles/aks/includes/used.md": "Used [link](../new-page.md).\n",
    "articles/aks/includes/orphan.md": "Orphan [broken](nowhere.md).\n",
    "articles/aks/media/a.png": "",
  ]

  func load(_ extra: [String: String] = [:]) async throws -> (Site, TemporaryTree) {
    let tree = try TemporaryTree(Self.files.merging(extra) { $1 })
    return (try await Site.load(root: tree.path, knownRules: []), tree)
  }

  @Test func pagesAreContentIncludesAreWhatPagesReachTheRestIsNotReported() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    #expect(site.learn != nil)
    #expect(site.locales.map(\.name) == ["en-us"])
    #expect(
      site.pages == [
        "articles/aks/how-to-x.md", "articles/aks/kept.md", "articles/aks/new-page.md",
      ])
    #expect(site.isReported("articles/aks/includes/used.md"))
    #expect(!site.isReported("articles/aks/includes/orphan.md"))
    #expect(!site.isReported("README.md"))
    #expect(site.isReported("zone-pivots/zone-pivot-groups.yml"), "files not parsed are reported")
  }

  @Test func publishedPathsAndURLs() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    let learn = try #require(site.learn)
    #expect(learn.publications["articles/aks/new-page.md"]?.path == "aks/new-page.md")
    #expect(learn.publications["articles/aks/media/a.png"]?.isContent == false)
    #expect(learn.publications["articles/aks/includes/used.md"] == nil)
    #expect(learn.publications["README.md"] == nil)
    #expect(
      learn.publications["zone-pivots/zone-pivot-groups.yml"]?.path
        == "zone-pivots/aks/zone-pivot-groups.yml")
    #expect(learn.page(at: "/azure/aks/NEW-page") == "articles/aks/new-page.md")
    #expect(learn.page(at: "/azure/aks/") == "articles/aks/index.yml")
    #expect(
      learn.page(at: "https://learn.microsoft.com/en-us/azure/aks/kept") == "articles/aks/kept.md")
  }

  @Test func theSiteBaseIsInferredFromTheRedirectionsUnlessConfigured() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    #expect(site.learn?.siteBase?.prefix == "/azure/")
    #expect(site.learn?.siteBase?.origin.hasPrefix("inferred from 2 of its redirections") == true)
    let (configured, other) = try await load([
      "docproof.yml": "links:\n  siteRoots:\n    /docs/: .\n"
    ])
    defer { other.remove() }
    #expect(configured.learn?.siteBase?.prefix == "/docs/")
  }

  @Test func metadataPrecedence() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    let howTo = site.inheritedMetadata(of: "articles/aks/how-to-x.md")
    #expect(howTo["ms.date"]?.value == .string("01/01/2026"))
    // The last matching glob of a key wins.
    #expect(howTo["ms.topic"]?.value == .string("how-to"))
    #expect(howTo["ms.topic"]?.origin == "fileMetadata 'articles/aks/how-to-*.md' in docfx.json")
    #expect(
      site.inheritedMetadata(of: "articles/aks/kept.md")["ms.topic"]?.value
        == .string("concept-article"))
    #expect(site.inheritedMetadata(of: "README.md")["ms.service"] == nil)
  }

  @Test func pivotDefinitionsComeFromTheirPublishedPath() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    let page = try #require(site.files["articles/aks/new-page.md"])
    let (groups, looked) = site.pivotDefinitions(forPage: "articles/aks/new-page.md", page: page)
    #expect(groups?.path == "zone-pivots/zone-pivot-groups.yml")
    #expect(looked == "zone-pivots/zone-pivot-groups.yml")
    #expect(groups?.group("tools") != nil)
  }

  @Test func linksResolveThroughRedirectionsPublishedURLsAndDependencies() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    let links = LinkResolver(site: site)
    let learn = try #require(site.learn)
    let from = "articles/aks/new-page.md"
    guard
      case .redirected("articles/aks/old.md", let entry, fragment: "x") = links.resolve(
        "old.md#x", from: from)
    else {
      Issue.record("old.md is redirected: \(links.resolve("old.md#x", from: from))")
      return
    }
    #expect(entry.url == "/azure/aks/new-page")
    // A redirection to a redirected page is followed to its end.
    let older = try #require(learn.redirections.entry(for: "articles/aks/older.md"))
    #expect(
      learn.redirectionChain(from: older).map(\.url) == ["/azure/aks/old", "/azure/aks/new-page"])
    #expect(
      links.resolve("/azure/aks/new-page#a", from: from)
        == .file("articles/aks/new-page.md", fragment: "a"))
    #expect(
      links.resolve("/azure/aks/missing", from: from)
        == .missing("/azure/aks/missing", fragment: nil))
    #expect(links.resolve("/azure/aks/hybrid/x", from: from) == .otherDocset("/azure/aks/hybrid/x"))
    #expect(links.resolve("/azure/storage/x", from: from) == .otherDocset("/azure/storage/x"))
    #expect(links.resolve("/powershell/x", from: from) == .otherDocset("/powershell/x"))
    #expect(
      links.resolve("~/reusable-content/media/x.png", from: from)
        == .unavailable("reusable-content/media/x.png", dependency: "reusable-content"))
    #expect(
      links.resolve("~/articles/aks/kept.md", from: from)
        == .file("articles/aks/kept.md", fragment: nil))
    // A folder whose page is a landing page (`index.yml`).
    #expect(
      links.resolve("./", from: from)
        == .directory("articles/aks", index: "articles/aks/index.yml", fragment: nil))
    // A content folder the checkout lacks (a sparse checkout) cannot be checked.
    #expect(
      links.resolve("/azure/reference/az", from: from)
        == .unavailable("/azure/reference/az", dependency: "generated"))
  }

  @Test func includesIntoAnAbsentDependencyAreUnavailableAndAPresentOneResolves() async throws {
    let (site, tree) = try await load()
    defer { tree.remove() }
    let edge = try #require(site.includes.edges(of: "articles/aks/how-to-x.md").first)
    #expect(
      edge.resolution == .unavailable("reusable-content/note.md", dependency: "reusable-content"))
    #expect(site.learn?.dependencies.map(\.isPresent) == [false, false])
    let (cloned, other) = try await load([
      "reusable-content/note.md": "A note.\n\n## Shared heading\n"
    ])
    defer { other.remove() }
    let resolved = try #require(cloned.includes.edges(of: "articles/aks/how-to-x.md").first)
    #expect(resolved.resolution == .file("reusable-content/note.md"))
    #expect(cloned.learn?.dependencies.map(\.isPresent) == [true, false])
    #expect(
      !cloned.pages.contains("reusable-content/note.md"), "a dependency's files are not pages")
  }

  @Test func aDependencyClonedUnderTheContentIsNotBuiltUnlessIncludedInBuild() async throws {
    func pages(includeInBuild: Bool) async throws -> [String] {
      let tree = try TemporaryTree([
        ".openpublishing.publish.config.json": """
        {"docsets_to_publish": [{"build_source_folder": "."}],
         "dependent_repositories": [
           {"path_to_root": "shared", "url": "u", "include_in_build": \(includeInBuild)}]}
        """,
        "docfx.json": #"{"build": {"content": [{"files": ["**/*.md"]}]}}"#,
        "a.md": "# A\n", "shared/b.md": "# B\n",
      ])
      defer { tree.remove() }
      return try await Site.load(root: tree.path, knownRules: []).pages
    }
    #expect(try await pages(includeInBuild: false) == ["a.md"])
    #expect(try await pages(includeInBuild: true) == ["a.md", "shared/b.md"])
  }

  @Test func aDocfxJsonAloneIsARepositoryOfOneDocset() async throws {
    let tree = try TemporaryTree([
      "docfx.json": #"{"build": {"content": [{"files": ["docs/**/*.md"]}]}}"#,
      "docs/a.md": "# A\n", "README.md": "# R\n", "sv-se/docs/a.md": "# A\n",
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    #expect(site.learn?.docsets.count == 1)
    #expect(site.pages == ["docs/a.md"])
    #expect(
      site.locales.map(\.folder) == [""], "a Learn repository's locale comes from its configuration"
    )
  }

  @Test func aDocsetFolderASparseCheckoutLeftOutIsNotCheckedAndSaidSo() async throws {
    let tree = try TemporaryTree([
      ".openpublishing.publish.config.json":
        #"{"docsets_to_publish": [{"docset_name": "a", "build_source_folder": "a"}, {"docset_name": "b", "build_source_folder": "b"}]}"#,
      "a/docfx.json": #"{"build": {"content": [{"files": ["**/*.md"]}]}}"#, "a/x.md": "# X\n",
    ])
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: [])
    #expect(site.learn?.docsets.map(\.name) == ["a"])
    #expect(site.pages == ["a/x.md"])
    #expect(
      site.context(siteAbsoluteLinks: 0) == ["docset 'b' (b/) is not in this checkout: not checked"]
    )
  }

  @Test func aDocsetWithoutItsDocfxJsonStopsTheRunWithItsLine() async throws {
    let tree = try TemporaryTree([
      ".openpublishing.publish.config.json":
        "{\"docsets_to_publish\": [\n  {\"docset_name\": \"x\", \"build_source_folder\": \"docs\"}\n]}",
      "docs/a.md": "# A\n",
    ])
    defer { tree.remove() }
    await #expect(throws: SiteError.self) { try await Site.load(root: tree.path, knownRules: []) }
    do {
      _ = try await Site.load(root: tree.path, knownRules: [])
    } catch {
      #expect(
        error.description
          == ".openpublishing.publish.config.json:2:1: docset 'x' has no docs/docfx.json: the build reads its content from there"
      )
    }
  }
}
