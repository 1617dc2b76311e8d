import DocSite

/// The trees translations are compared across: locale folders side by side in one tree, or
/// (as Learn keeps them) a source repository and a repository per localized locale.
public struct LocalizationSides: Sendable {
  /// The tree holding the source files.
  public let source: Site
  /// Each localized locale, in order, with the tree holding its files: the source's own
  /// tree when locales are folders side by side.
  public let translations: [(locale: String, site: Site)]
  /// The tree findings are reported on (whose root their paths are relative to).
  public let reported: Site

  /// Locale folders side by side in one tree.
  public static func sideBySide(_ site: Site) -> LocalizationSides {
    LocalizationSides(
      source: site, translations: site.locales.dropFirst().map { ($0.name, site) }, reported: site)
  }

  /// A source repository and its localizations' repositories, reported on `reported`
  /// (one of them).
  public init(source: Site, translations: [(locale: String, site: Site)], reported: Site) {
    self.source = source
    self.translations = translations
    self.reported = reported
  }

  /// Whether the locales are folders of one tree.
  public var isSideBySide: Bool {
    translations.allSatisfy { $0.site.tree.realRoot == source.tree.realRoot }
  }

  /// The tree holding a locale's translations.
  public func site(of locale: String) -> Site {
    translations.first { $0.locale == locale }?.site ?? source
  }

  /// A source file's path as findings name it: relative to the reported tree's root.
  public func reportPath(source path: String) -> String {
    Self.path(path, in: source, from: reported)
  }

  /// A translation's path as findings name it: relative to the reported tree's root.
  public func reportPath(translation path: String, locale: String) -> String {
    Self.path(path, in: site(of: locale), from: reported)
  }

  /// A path relative to the reported tree's root as messages write it: on the base reports
  /// show locations on (`Site.messageRoot`), normalized.
  public func display(_ reportPath: String) -> String {
    let joined = reported.displayPath(reportPath)
    let normalized = RelativePath.normalized(joined)
    return joined.hasPrefix("/") ? "/" + normalized : normalized
  }

  /// `path` of `tree`, written from `base`'s root (`../azure-docs-cli/x.md`).
  static func path(_ path: String, in tree: Site, from base: Site) -> String {
    let from = base.tree.realRoot
    let to = tree.tree.realRoot
    guard from != to else { return path }
    let fromParts = from.split(separator: "/")
    let toParts = to.split(separator: "/")
    var common = 0
    while common < fromParts.count, common < toParts.count, fromParts[common] == toParts[common] {
      common += 1
    }
    let up = Array(repeating: "..", count: fromParts.count - common)
    return (up + toParts[common...].map(String.init) + [path]).joined(separator: "/")
  }
}
