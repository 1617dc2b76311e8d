import DocModel
import DocSite
import ExternalLinks

/// What every rule sees: the site, link resolution, bookmark sets, and run options.
public struct CheckContext: Sendable {
  public let site: Site
  public let links: LinkResolver
  public let bookmarks: BookmarkIndex
  public let options: CheckOptions
  /// Every Markdown file, sorted, with its page model.
  public let files: [(path: String, page: Page)]
  /// The root pages (not includes), sorted.
  public let pages: [(path: String, page: Page)]
  /// What the page parser reported, by rule, gathered once for every rule.
  let parserFindings: [RuleID: [Diagnostic]]
  /// Every page's pivot groups and zones, for the four pivot rules.
  let pivotUsages: [PivotUsage]
  /// Each file's link references (in the order of `files`), resolved once for the rules that
  /// all look at them.
  let references: [[ResolvedReference]]

  /// Builds the context; the references are resolved in parallel.
  public init(site: Site, options: CheckOptions) async {
    self.site = site
    let links = LinkResolver(site: site)
    self.links = links
    self.bookmarks = BookmarkIndex(site: site)
    self.options = options
    let files = site.parsedFiles.map { (path: $0, page: $1) }
    self.files = files
    async let references = files.concurrentChunks { chunk in
      chunk.map { path, page in
        LinkReferences.all(in: page).map {
          ResolvedReference(reference: $0, target: links.resolve($0.target, from: path))
        }
      }
    }
    // `files` is in the order of `parsedPaths`, which the include graph numbers files by.
    let pages = files.indices.filter { !site.includes.isInclude(at: $0) }.map { files[$0] }
    self.pages = pages
    var parserFindings: [RuleID: [Diagnostic]] = [:]
    for (_, page) in files {
      for diagnostic in page.diagnostics {
        parserFindings[diagnostic.rule, default: []].append(diagnostic)
      }
    }
    self.parserFindings = parserFindings
    self.pivotUsages = await PivotUsage.all(pages: pages, site: site)
    self.references = await references.flatMap { $0 }
  }
}

/// Options of one `check` run.
public struct CheckOptions: Sendable {
  /// Check external links over the network.
  public var external = false
  /// Only report on these locales (empty: all).
  public var locales: [String] = []
  /// External link checking, injectable for tests.
  public var externalChecker: (any ExternalLinkChecking)?
  /// Only report on the files of this shard (`--shard I/N`).
  public var shard: Shard?
  /// Only report on these root-relative files (`--changed-since`); findings in files
  /// outside the tree (golden files) are always reported. `nil`: every file.
  public var scope: Set<String>?

  public init(
    external: Bool = false, locales: [String] = [], shard: Shard? = nil,
    scope: Set<String>? = nil
  ) {
    self.external = external
    self.locales = locales
    self.shard = shard
    self.scope = scope
  }

  /// Whether this run reports on the file at `path`: its shard owns it and it is in scope.
  public func covers(_ path: String, in site: Site) -> Bool {
    if let shard, !shard.owns(path) { return false }
    if let scope, !scope.contains(path), site.tree[path] != nil || site.files[path] != nil {
      return false
    }
    return true
  }
}

extension CheckContext {
  /// The site-absolute links into other docsets in the files this run reports on: not
  /// checked offline, counted in the summary.
  public var linksIntoOtherDocsets: Int {
    count { if case .otherDocset = $0.target { true } else { false } }
  }

  /// The site-absolute links (`/azure/...`) in the files this run reports on.
  public var siteAbsoluteLinks: Int {
    count { $0.reference.target.hasPrefix("/") && !$0.reference.target.hasPrefix("//") }
  }

  /// The references in the files this run reports on that pass a test.
  private func count(_ test: (ResolvedReference) -> Bool) -> Int {
    var count = 0
    for ((path, _), references) in zip(files, self.references)
    where Checker.selected(path, site: site, options: options) {
      count += references.count(where: test)
    }
    return count
  }
}
