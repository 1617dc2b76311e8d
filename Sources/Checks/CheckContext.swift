import DocModel
import DocSite

/// What every rule sees: the site, link resolution, bookmark sets, and run options.
public struct CheckContext: Sendable {
  public let site: Site
  public let links: LinkResolver
  public let bookmarks: BookmarkIndex
  public let options: CheckOptions

  public init(site: Site, options: CheckOptions) {
    self.site = site
    self.links = LinkResolver(site: site)
    self.bookmarks = BookmarkIndex(site: site)
    self.options = options
  }

  /// Every Markdown file, sorted, with its page model.
  public var files: [(path: String, page: Page)] {
    site.files.keys.sorted().map { ($0, site.files[$0]!) }
  }

  /// The root pages (not includes), sorted.
  public var pages: [(path: String, page: Page)] {
    site.pages.map { ($0, site.files[$0]!) }
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

  public init(external: Bool = false, locales: [String] = [], shard: Shard? = nil) {
    self.external = external
    self.locales = locales
    self.shard = shard
  }
}
