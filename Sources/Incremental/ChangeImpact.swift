import DocModel
import DocSite
import Foundation

/// What a set of changed files can affect, and the site parsed just enough to check it
/// exactly as a full run would.
///
/// The files to report on are the changed Markdown files; the pages that include a
/// changed or deleted file, directly or through other includes (their content changed);
/// the files that link to, show an image of or take a snippet from any of those or from a
/// changed file outside the tree (their links may now break or heal, their snippets
/// drift); the localized copies of changed source files and the
/// sources of changed copies (staleness and structure); and every file those files
/// include. Parsed besides, not reported on: link targets (for their bookmarks), the
/// includers of reported includes (a bare `#x` in an include resolves on its pages) and
/// the counterparts of localized pairs.
///
/// Some changes reach files that do not name them, and then everything is checked:
/// `docproof.yml`, a `zone-pivot-groups.yml`, a golden file, and an `index.md` (a link
/// such as `../` reaches it without naming it).
public struct ChangeImpact: Sendable {
  /// What to check.
  public enum Scope: Sendable, Equatable {
    /// The whole tree, and why.
    case everything(reason: String)
    /// Only findings in these root-relative files.
    case files(Set<String>)
  }

  public let scope: Scope
  /// The site, with the files the check needs parsed (all of them for `.everything`).
  public let site: Site
  /// What the user should know about the reference cache (damaged, not writable).
  public var notes: [String] = []
  /// How many files the reference scan read; the others' tokens came from the cache.
  public var filesRead = 0

  /// Works out the scope for `changes` and parses what checking it needs. `site` comes
  /// from `Site.scan` (no file parsed yet).
  ///
  /// With `useCache`, the tokens of files git reports unchanged come from the
  /// `ReferenceCache` under the root when it has them (`cached`, when the caller loaded it
  /// already, as `ReferenceCache.load` gives it), and the cache is brought up to date.
  public static func compute(
    site: Site, changes: ChangedFiles, useCache: Bool = false,
    cached: (ReferenceCache, note: String?)? = nil,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> ChangeImpact {
    if let reason = fullCheckReason(site: site, changes: changes) {
      return ChangeImpact(
        scope: .everything(reason: reason),
        site: await site.parsingEverything(progress: progress))
    }
    let touched = Set(changes.changed + changes.deleted)
    guard !touched.isEmpty || !changes.elsewhere.isEmpty else {
      return ChangeImpact(scope: .files([]), site: site)
    }
    var notes: [String] = []
    var cache = ReferenceCache.empty
    if useCache {
      let (loaded, note) = cached ?? ReferenceCache.load(realRoot: site.tree.realRoot)
      cache = loaded
      if let note { notes.append(note) }
    }
    let scan = await ReferenceScan(
      paths: site.markdownPaths, tree: site.tree, limit: site.configuration.maxFileSize,
      listing: useCache ? changes.listing : .empty, changed: changes.changed, cache: cache)
    if useCache, let note = ReferenceCache.save(scan, realRoot: site.tree.realRoot) {
      notes.append(note)
    }
    var walk = ImpactWalk(site: site, scan: scan)
    await walk.run(changes: changes)
    return ChangeImpact(
      scope: .files(walk.reported.union(touched)), site: walk.site, notes: notes,
      filesRead: scan.filesRead)
  }

  /// Why a change set needs a full check, if it does.
  static func fullCheckReason(site: Site, changes: ChangedFiles) -> String? {
    let touched = changes.changed + changes.deleted
    if touched.contains(Configuration.fileName) { return "\(Configuration.fileName) changed" }
    if let learn = site.learn {
      // The Learn build's configuration decides what every page is and where links lead.
      let configuration =
        [learn.publishConfiguration?.path].compactMap { $0 }
        + learn.docsets.map(\.configuration.path) + Array(site.pivotGroups.keys)
      if let file = touched.first(where: {
        configuration.contains($0) || Redirections.isRedirectionFile($0)
      }) {
        return "\(file) changed"
      }
    }
    for locale in site.locales {
      let groups = locale.path(site.configuration.zonePivotGroupsFile)
      if touched.contains(groups) { return "\(groups) changed" }
    }
    if let index = touched.first(where: { path in
      RelativePath.fileName(of: path) == "index.md"
        && site.locales.contains { $0.contains(path) }
    }) {
      return "\(index) changed, and links such as '../' reach an index.md without naming it"
    }
    // Golden files, by absolute path: in the tree or elsewhere in the repository.
    let root = URL(fileURLWithPath: site.tree.realRoot)
    let changedPaths = Set(changes.elsewhere).union(
      touched.map { root.appendingPathComponent($0).standardized.path })
    let project = root.appendingPathComponent(site.configuration.project)
    for scenario in site.configuration.scenarios
    where changedPaths.contains(project.appendingPathComponent(scenario.golden).standardized.path) {
      return "the golden file \(scenario.golden) changed"
    }
    return nil
  }
}

/// The rounds of `ChangeImpact.compute`, over a site parsed a little more each round.
struct ImpactWalk {
  var site: Site
  let scan: ReferenceScan
  /// Files reported on (before the files they include are added).
  private(set) var roots: Set<String> = []
  /// Files whose includers were looked for.
  private var searched: Set<String> = []

  init(site: Site, scan: ReferenceScan) {
    self.site = site
    self.scan = scan
  }

  /// Everything reported on: the roots and every file they show.
  var reported: Set<String> {
    var all = roots
    for root in roots where site.files[root] != nil {
      all.formUnion(site.includes.expansion(from: root))
    }
    return all
  }

  mutating func run(changes: ChangedFiles) async {
    let changedMarkdown = changes.changed.filter { site.isParseable($0) }
    let deletedMarkdown = changes.deleted.filter { RelativePath.fileExtension(of: $0) == "md" }
    roots.formUnion(changedMarkdown)
    roots.formUnion(droppedIncludes(changes.removedLines))
    site = await site.parsing(roots)

    // Pages whose content changed: they include a changed or deleted file.
    let includers = await includers(of: Set(changedMarkdown + deletedMarkdown))
    roots.formUnion(includers)

    // Files whose references may break or heal: they name a file that changed or vanished,
    // in the tree or beyond it (a snippet's source in the project).
    let named = roots.union(changes.changed).union(changes.deleted).union(changes.elsewhere)
    let linkers = await scan.files(referringTo: named)
    roots.formUnion(linkers)
    site = await site.parsing(linkers)

    // Localized pairs: a changed source makes its copies stale; a copy that changed or
    // vanished changes what its source reports (untranslated).
    var pairs: Set<String> = []
    for path in changedMarkdown + deletedMarkdown {
      for other in counterparts(of: path) where site.isParseable(other) {
        pairs.insert(other)
        roots.insert(other)
      }
    }
    site = await site.parsing(pairs)

    // So that no include is mistaken for a page, the pages showing every reported file are
    // parsed (not reported on).
    _ = await self.includers(of: roots.subtracting(searched))
    await parseClosure()
  }

  /// The files that lost an includer: an include directive among the removed lines of a
  /// changed or deleted file (what it shows may now be a page of its own).
  func droppedIncludes(_ removedLines: [String: String]) -> Set<String> {
    var dropped: Set<String> = []
    for (path, removed) in removedLines
    where removed.range(of: "include", options: .caseInsensitive) != nil {
      let old = PageParser.parse(bytes: Array(removed.utf8), path: path)
      for include in old.includes {
        if let target = site.resolveInclude(include.path, from: path).target,
          site.isParseable(target)
        {
          dropped.insert(target)
        }
      }
    }
    return dropped
  }

  /// Finds, parses and returns the files that include any of `targets`, transitively.
  mutating func includers(of targets: Set<String>) async -> Set<String> {
    var found: Set<String> = []
    var frontier = targets.subtracting(searched)
    while !frontier.isEmpty {
      searched.formUnion(frontier)
      let candidates = await scan.files(referringTo: frontier)
      site = await site.parsing(candidates)
      var next: Set<String> = []
      for candidate in candidates {
        if site.includes.edges(of: candidate).contains(where: {
          Self.leads($0.resolution, into: frontier)
        }) {
          found.insert(candidate)
          if !searched.contains(candidate) { next.insert(candidate) }
        }
      }
      frontier = next
    }
    return found
  }

  /// Whether an include resolution names one of `files` (as target, or as the missing
  /// localized file a fallback stands for).
  static func leads(_ resolution: IncludeGraph.Resolution, into files: Set<String>) -> Bool {
    switch resolution {
    case .file(let path), .notFound(let path), .invalid(let path, _), .outsideRoot(let path),
      .unavailable(let path, _):
      files.contains(path)
    case .fallback(let path, let missing):
      files.contains(path) || files.contains(missing)
    }
  }

  /// The same file in the other locales (for a source file) or in the source locale.
  func counterparts(of path: String) -> [String] {
    let locale = site.locale(of: path)
    guard let relative = locale.relative(path), site.locales.count > 1 else { return [] }
    if locale.isSource {
      return site.locales.dropFirst().map { $0.path(relative) }
    }
    return [site.sourceLocale.path(relative)]
  }

  /// Parses what checking the reported files needs: what they include, the Markdown files
  /// they link to, and what those include.
  mutating func parseClosure() async {
    await parseIncludes()
    let resolver = LinkResolver(site: site)
    var targets: Set<String> = []
    for file in reported {
      guard let page = site.files[file] else { continue }
      for link in page.links {
        switch resolver.resolve(link.target, from: file) {
        case .file(let target, _), .directory(_, let target?, _):
          if site.files[target] == nil, site.isParseable(target) { targets.insert(target) }
        default:
          continue
        }
      }
    }
    site = await site.parsing(targets)
    await parseIncludes()
  }

  /// Parses every file an include of a parsed file leads to, until nothing new is reached.
  mutating func parseIncludes() async {
    while true {
      var pending: Set<String> = []
      for edge in site.includes.allEdges {
        if let target = edge.resolution.target, site.files[target] == nil,
          site.isParseable(target)
        {
          pending.insert(target)
        }
      }
      if pending.isEmpty { return }
      site = await site.parsing(pending)
    }
  }
}
