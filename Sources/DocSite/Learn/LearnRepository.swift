import DocModel

/// A Microsoft Learn source repository, read as the Learn build reads it: its docsets
/// (`.openpublishing.publish.config.json`, each docset's `docfx.json`), which files are
/// pages and where each is published, the metadata the build gives them, the repositories
/// it takes content from, and its redirections.
public struct LearnRepository: Sendable {
  /// One docset: a folder with its `docfx.json`.
  public struct Docset: Sendable {
    public var name: String
    /// `build_source_folder`, relative to the repository root (`""`: the root). `~/` in its
    /// files starts here.
    public var folder: String
    public var locale: String
    public var configuration: DocfxConfiguration
    /// The monikers its publish entry and docfx.json's version groups name, lowercased.
    public var monikers: Set<String> = []
  }

  /// A dependent repository and whether a clone of it is at its path.
  public struct Dependency: Sendable, Hashable {
    public var repository: PublishConfiguration.DependentRepository
    public var isPresent: Bool
    /// Where the finding about it points: the publish configuration and the entry's line.
    public var file: String
  }

  /// Where a file is published.
  public struct Publication: Sendable, Hashable {
    /// The docset, by its place in `docsets`.
    public var docset: Int
    /// The published path, relative to the docset's site root, with its extension.
    public var path: String
    /// Whether it is content (a page, a TOC, a pivot definition), not a resource.
    public var isContent: Bool
    /// The version group of the mapping that publishes it (`build.content[].group`).
    public var group: String?
  }

  /// How site-absolute links are tied to this repository's pages.
  public struct SiteBase: Sendable, Hashable {
    /// The URL path the docset's site root is published at (`/azure/`).
    public var prefix: String
    /// How docproof knows it, for the report (`links.siteRoots in docproof.yml`, `inferred
    /// from 412 of the repository's redirections`).
    public var origin: String
  }

  public let publishConfiguration: PublishConfiguration?
  /// The docsets, in the order the publish configuration lists them.
  public let docsets: [Docset]
  public let dependencies: [Dependency]
  public let redirections: Redirections
  /// Every file the docsets publish, by path from the repository root.
  public let publications: [String: Publication]
  /// The content files published at each URL (lowercased, no leading `/`, without the
  /// extension, `index` as its folder with a `/`), by docset.
  let byURL: [String: [String]]
  /// Each redirected source's URL, as `byURL`'s keys, to its entry.
  let redirectedURLs: [String: Redirections.Entry]
  /// A content folder (`src`) that docfx.json names and the checkout lacks (a sparse
  /// checkout, a generated folder).
  public struct AbsentContent: Sendable, Hashable {
    /// The folder, from the repository root.
    public var folder: String
    /// The published folder its files would fill.
    public var destination: String
    /// The docfx.json naming it and the mapping's line.
    public var file: String
    public var line: Int
  }

  /// Content folders the checkout lacks, in docfx.json order.
  public let absentContent: [AbsentContent]
  /// Docsets of the publish configuration whose folder the checkout lacks (a sparse
  /// checkout): not checked.
  public internal(set) var absentDocsets: [PublishConfiguration.Docset] = []
  /// The base of site-absolute links, when configured or inferred.
  public internal(set) var siteBase: SiteBase?
  /// Every folder of the content URLs (`aks`, `aks/learn`, `kubernetes-fleet`): where on
  /// the site this repository publishes.
  let ownedFolders: Set<String>
  /// Every docset's content and resource mappings.
  let mappings: Mappings
  /// Findings about the configuration itself: redirection files, redirected files that
  /// still exist.
  public let diagnostics: [Diagnostic]

  /// The files that mark a folder as a Learn repository, in the order they are looked for.
  public static let markerFiles = [PublishConfiguration.fileName, DocfxConfiguration.fileName]

  /// The docset whose folder holds `path` (the innermost), if any.
  public func docset(of path: String) -> Docset? {
    docsetIndex(of: path).map { docsets[$0] }
  }

  func docsetIndex(of path: String) -> Int? {
    var best: Int?
    for (index, docset) in docsets.enumerated()
    where RelativePath.relative(path, to: docset.folder) != nil {
      if best == nil || docset.folder.utf8.count > docsets[best!].folder.utf8.count {
        best = index
      }
    }
    return best
  }

  /// Where `~/` leads from a file: its docset's folder.
  public func tildeBase(of path: String) -> String {
    docset(of: path)?.folder ?? ""
  }

  /// Whether a Markdown file is a page the build renders (content of some docset).
  public func isContent(_ path: String) -> Bool {
    publications[path]?.isContent == true
  }

  /// The dependent repository `path` is in, when it is one whose clone is absent.
  public func absentDependency(containing path: String) -> Dependency? {
    dependencies.first {
      !$0.isPresent && RelativePath.relative(path, to: $0.repository.path) != nil
    }
  }

  /// Where a localization's missing files come from: the build falls back to the source
  /// repository's (`_repo.en-us`), which a localization's clone does not hold.
  public static let sourceFallback = "_repo.en-us"

  /// Whether this repository is a localization (its docsets' locale is not en-us): a file
  /// it lacks is the source repository's, not missing.
  public var isLocalization: Bool {
    docsets.contains { $0.locale != "en-us" }
  }

  /// The dependent repository `path` is in, present or not.
  public func dependency(containing path: String) -> Dependency? {
    dependencies.first { RelativePath.relative(path, to: $0.repository.path) != nil }
  }

  /// The absent content folder `path` is in (a link into a folder the checkout lacks).
  public func absentContentFolder(containing path: String) -> String? {
    absentContent.first { RelativePath.relative(path, to: $0.folder) != nil }?.folder
  }

  /// The metadata the build gives a file before its own front matter: `globalMetadata`,
  /// then `fileMetadata` (the last matching glob of each key wins), each with where it
  /// comes from (`docfx.json globalMetadata`).
  public func metadata(of path: String) -> [String: (value: YAMLValue, origin: String)] {
    guard let docset = docset(of: path),
      let inDocset = RelativePath.relative(path, to: docset.folder)
    else { return [:] }
    let configuration = docset.configuration
    var result: [String: (value: YAMLValue, origin: String)] = [:]
    for (key, value) in configuration.globalMetadata {
      result[key] = (value, "globalMetadata in \(configuration.path)")
    }
    for (key, rules) in configuration.fileMetadata {
      for rule in rules.reversed() where rule.glob.matches(inDocset) {
        result[key] = (rule.value, "fileMetadata '\(rule.glob.pattern)' in \(configuration.path)")
        break
      }
    }
    return result
  }

  /// The URL key of a published path: lowercased, the extension dropped (content) and
  /// `index` made its folder.
  static func urlKey(published path: String, isContent: Bool) -> String {
    var key = path.lowercased()
    guard isContent else { return key }
    let name = RelativePath.fileName(of: key)
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      key.removeLast(name.distance(from: dot, to: name.endIndex))
    }
    if RelativePath.fileName(of: key) == "index" { key.removeLast("index".count) }
    return key
  }

  /// The key of a URL path below the site base, as links write it (`aks/x`, `aks/x/`,
  /// `aks/index`, `aks/x.md`).
  static func urlKey(link path: String) -> String {
    var key = path.lowercased()
    if RelativePath.fileName(of: key) == "index" { key.removeLast("index".count) }
    for suffix in [".md", ".yml"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
    return key
  }
}

extension LearnRepository {
  /// Whether a URL key below the site base is in this repository's own URL space: a
  /// folder it publishes pages in (`aks/...` for the AKS docs). Other folders under the
  /// same base belong to other docsets.
  public func ownsURL(_ key: String) -> Bool {
    var path = Substring(key)
    if path.hasSuffix("/") { path.removeLast() }
    guard let slash = path.lastIndex(of: "/") else { return ownedFolders.contains(String(path)) }
    // `aks/x` is this repository's when it publishes in `aks`; `aks/hybrid/x` is not, unless
    // it publishes in `aks/hybrid` (AKS on Azure Local is another docset).
    return ownedFolders.contains(String(path[..<slash]))
  }

  /// The absent content folder whose pages would be published at a URL key, if any.
  public func absentContent(publishing key: String) -> String? {
    absentContent.first { absent in
      let destination = absent.destination.lowercased()
      return destination.isEmpty || key == destination || key.hasPrefix(destination + "/")
    }?.folder
  }
}

extension LearnRepository {
  /// The redirections a reader goes through from `entry`: it, then the entry of each
  /// target that is itself redirected (stopping at a loop).
  public func redirectionChain(from entry: Redirections.Entry) -> [Redirections.Entry] {
    var chain = [entry]
    var seen: Set<String> = [entry.source]
    while let next = redirectedEntry(at: chain.last!.url), seen.insert(next.source).inserted {
      chain.append(next)
    }
    return chain
  }

  /// The redirection of the page a URL names, if that page is redirected.
  func redirectedEntry(at url: String) -> Redirections.Entry? {
    guard let key = urlKey(site: url) else { return nil }
    return redirectedURLs[key]
      ?? redirectedURLs[key.hasSuffix("/") ? String(key.dropLast()) : key + "/"]
  }

  /// The file this repository publishes at a URL, if any.
  public func page(at url: String) -> String? {
    guard let key = urlKey(site: url) else { return nil }
    return byURL[key]?.first
      ?? byURL[key.hasSuffix("/") ? String(key.dropLast()) : key + "/"]?.first
  }

  /// The key of a site-absolute or Learn URL below the site base, when it is below it.
  func urlKey(site url: String) -> String? {
    guard let base = siteBase, let path = Self.sitePath(url),
      path.lowercased().hasPrefix(base.prefix.lowercased())
    else { return nil }
    return Self.urlKey(link: String(path.dropFirst(base.prefix.count)))
  }
}

extension LearnRepository {
  /// The content file published at a URL key; where several versions of a page share the
  /// URL (version groups), the one in the same group as the linking file.
  func source(at key: String, from file: String) -> String? {
    guard let sources = byURL[key] else { return nil }
    guard sources.count > 1, let group = publications[file]?.group else { return sources.first }
    return sources.first { publications[$0]?.group == group } ?? sources.first
  }
}

extension LearnRepository {
  /// What pairs a Markdown file with its translation or source in another repository: the
  /// path it is (or, for an include, would be) published at, lowercased, and the monikers
  /// of the mapping that publishes it (empty when unversioned); `nil` for a file no content
  /// mapping's folder holds (a README).
  public func pairingKey(of path: String) -> (key: String, monikers: Set<String>)? {
    mappings.pairing(of: path, groups: docsets.map(\.configuration.groups))
  }
}

extension LearnRepository {
  /// The redirection of the source file that was published at `published` (a pairing key:
  /// a published path, lowercased), if one redirects it.
  public func redirection(ofPublished published: String) -> Redirections.Entry? {
    let key = Self.urlKey(published: published, isContent: true)
    return redirectedURLs[key]
      ?? redirectedURLs[key.hasSuffix("/") ? String(key.dropLast()) : key + "/"]
  }
}
