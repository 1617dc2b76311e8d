import DocModel

/// Where a link written in a file leads, decided without touching the network.
public enum LinkTarget: Sendable, Hashable {
  /// `https://...`, `mailto:...`, `//host/...`: another site.
  case external(String)
  /// `#tab/...`: a DocFX tab, not a bookmark.
  case tab
  /// `#x` (decoded): a bookmark on the page that shows this file.
  case bookmark(String)
  /// An existing file (root-relative), with the bookmark after `#` if any.
  case file(String, fragment: String?)
  /// A folder; `index` is its `index.md` (or `index.yml`) when it has one.
  case directory(String, index: String?, fragment: String?)
  /// Nothing there (the root-relative path that was looked up).
  case missing(String, fragment: String?)
  /// The target leaves the root.
  case outsideRoot(String)
  /// Nothing docproof can check offline: a site-absolute link without a configured root,
  /// an empty link, `xref:`.
  case unchecked
  /// A site-absolute link into another docset's URLs (`/azure/storage/...` from the AKS
  /// docs): not checked offline, counted.
  case otherDocset(String)
  /// Into a dependent repository whose clone is absent, or a content folder the checkout
  /// lacks (the path looked up, and the repository's or folder's path): not checkable here.
  case unavailable(String, dependency: String)
  /// A file the repository's redirections send elsewhere: the path (or URL) written,
  /// the redirection, and the page it finally leads to when that is in this repository.
  case redirected(String, Redirections.Entry, fragment: String?)
  /// The link cannot be read (bad percent-encoding).
  case malformed(String)
}

/// Resolves link targets as DocFX does: relative to the file that contains them (an
/// include's links are relative to the include), `~/` from the locale root, site-absolute
/// prefixes through `links.siteRoots`. Localized files fall back to the source locale.
public struct LinkResolver: Sendable {
  public let site: Site

  public init(site: Site) { self.site = site }

  public func resolve(_ target: String, from file: String) -> LinkTarget {
    let trimmed = target.trimmingSpaces()
    guard !trimmed.isEmpty else { return .unchecked }
    if Self.hasScheme(trimmed) || trimmed.utf8.starts(with: "//".utf8) {
      let isXref = trimmed.utf8.count >= 5 && trimmed.prefix(5).lowercased() == "xref:"
      return isXref ? .unchecked : .external(trimmed)
    }
    var path = trimmed
    var fragment: String?
    if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
      fragment = String(path[path.utf8.index(after: hash)...])
      path = String(path[..<hash])
    }
    if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<query]) }
    if path.isEmpty {
      guard let fragment, !fragment.isEmpty else { return .unchecked }
      if fragment.hasPrefix("tab/") { return .tab }
      return .bookmark(RelativePath.percentDecoded(fragment) ?? fragment)
    }
    let decodedFragment = fragment.flatMap {
      $0.isEmpty ? nil : (RelativePath.percentDecoded($0) ?? $0)
    }
    guard
      let decoded = RelativePath.percentDecoded(
        (path.utf8.contains(UInt8(ascii: "\\"))
          ? path.replacingOccurrences(of: "\\", with: "/") : path))
    else {
      return .malformed(target)
    }
    let locale = site.locale(of: file)
    var base: String
    var relative = decoded
    if relative.hasPrefix("/") {
      if let learn = site.learn {
        return resolveSiteAbsolute(relative, fragment: decodedFragment, from: file, learn: learn)
      }
      guard let root = site.configuration.siteRoots.first(where: { relative.hasPrefix($0.prefix) })
      else { return .unchecked }
      base = root.folder
      relative = String(relative.dropFirst(root.prefix.count))
    } else if relative.hasPrefix("~/") {
      base = site.learn?.tildeBase(of: file) ?? locale.folder
      relative = String(relative.dropFirst(2))
    } else {
      base = RelativePath.directory(of: file)
    }
    guard let resolved = RelativePath.resolve(relative, from: base) else {
      return .outsideRoot(target)
    }
    if let found = lookup(resolved, fragment: decodedFragment) { return found }
    // DocFX serves the source locale's page where a translation is missing.
    if !locale.isSource, let inLocale = locale.relative(resolved),
      let found = lookup(site.sourceLocale.path(inLocale), fragment: decodedFragment)
    {
      return found
    }
    if site.tree.isBeneathLinkOutside(resolved) { return .outsideRoot(target) }
    if let learn = site.learn {
      // The Learn build finds files without regard to case, and publishes every URL in
      // lowercase: `media/Azure-CNI/x.png` is `media/azure-cni/x.png` there.
      if let exact = site.tree.pathIgnoringCase(resolved)
        ?? site.tree.pathIgnoringCase(
          resolved, directory: true),
        let found = lookup(exact, fragment: decodedFragment)
      {
        return found
      }
      if let entry = learn.redirections.entry(for: resolved)
        ?? learn.redirections.entry(for: resolved + ".md")
      {
        return .redirected(resolved, entry, fragment: decodedFragment)
      }
      if let dependency = learn.absentDependency(containing: resolved) {
        return .unavailable(resolved, dependency: dependency.repository.path)
      }
      if let folder = learn.absentContentFolder(containing: resolved) {
        return .unavailable(resolved, dependency: folder)
      }
      if learn.isLocalization {
        // The build takes what a localization lacks from its source repository's clone.
        let fallback = LearnRepository.sourceFallback + "/" + resolved
        if let found = lookup(fallback, fragment: decodedFragment) { return found }
        if learn.dependency(containing: fallback)?.isPresent != true {
          return .unavailable(resolved, dependency: LearnRepository.sourceFallback)
        }
      }
    }
    return .missing(resolved, fragment: decodedFragment)
  }

  /// A site-absolute link in a Learn repository: through the site base to the page
  /// published at that URL, a redirected one, or another docset's.
  private func resolveSiteAbsolute(
    _ path: String, fragment: String?, from file: String, learn: LearnRepository
  ) -> LinkTarget {
    guard let base = learn.siteBase, path.lowercased().hasPrefix(base.prefix.lowercased()) else {
      return .otherDocset(path)
    }
    let key = LearnRepository.urlKey(link: String(path.dropFirst(base.prefix.count)))
    for candidate in [key, key.hasSuffix("/") ? String(key.dropLast()) : key + "/"] {
      if let source = learn.source(at: candidate, from: file) {
        return .file(source, fragment: fragment)
      }
      if let entry = learn.redirectedURLs[candidate] {
        return .redirected(path, entry, fragment: fragment)
      }
    }
    // A folder of the checkout's own content that is missing (a sparse checkout) may hold it.
    if let folder = learn.absentContent(publishing: key) {
      return .unavailable(path, dependency: folder)
    }
    // Another docset under the same base (`/azure/storage/` beside `/azure/aks/`), unless
    // this one publishes in that folder.
    guard learn.ownsURL(key) else { return .otherDocset(path) }
    return .missing(path, fragment: fragment)
  }

  private func lookup(_ path: String, fragment: String?) -> LinkTarget? {
    let tree = site.tree
    switch tree[path] {
    case .file: return .file(path, fragment: fragment)
    case .directory:
      return .directory(path, index: index(of: path), fragment: fragment)
    case .outsideRoot: return .outsideRoot(path)
    case .broken: return nil
    case nil:
      if path.isEmpty {
        return .directory("", index: index(of: ""), fragment: fragment)
      }
      // Links to published pages often drop the `.md`.
      if RelativePath.fileExtension(of: path).isEmpty, tree.isFile(path + ".md") {
        return .file(path + ".md", fragment: fragment)
      }
      return nil
    }
  }

  /// A folder's page: its `index.md`, or (a Learn landing page) its `index.yml`.
  private func index(of folder: String) -> String? {
    for name in ["index.md", "index.yml"] {
      let index = folder.isEmpty ? name : folder + "/" + name
      if site.tree.isFile(index) { return index }
    }
    return nil
  }

  /// `scheme:` per RFC 3986 (a drive letter like `c:` is not a scheme here).
  static func hasScheme(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
    let scheme = bytes[..<colon]
    guard scheme.count > 1, let first = scheme.first, isLetter(first) else { return false }
    return scheme.allSatisfy { byte in
      isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }
}
