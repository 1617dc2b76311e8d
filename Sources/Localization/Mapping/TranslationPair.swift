import DocSite

/// A file of a localized locale and the source-locale file it translates: the same path
/// under each locale's folder.
public struct TranslationPair: Sendable, Hashable {
  /// The localized locale (`sv-se`).
  public var locale: String
  /// The path inside the locale folders (`quickstarts/access-tokens.md`).
  public var relativePath: String
  /// The source file from the root, or `nil` when the translation has no source (an orphan).
  public var sourcePath: String?
  /// The translation from the root, or `nil` when the source is not translated.
  public var translationPath: String?
  /// Whether the file is an include rather than a page.
  public var isInclude: Bool

  /// Every pair of the selected localized locales (all of them when `locales` is empty),
  /// sorted by locale, then path. Only Markdown files count.
  /// With `only`, just the pairs with a file among those paths.
  public static func all(
    in site: Site, locales selected: [String] = [], only scope: Set<String>? = nil
  ) -> [TranslationPair] {
    let source = site.sourceLocale
    guard !source.folder.isEmpty else { return [] }
    let markdown: [String]
    if let scope {
      // The files in scope and their counterparts in every locale.
      var paths: Set<String> = []
      for path in scope where RelativePath.fileExtension(of: path) == "md" {
        guard let relative = site.locale(of: path).relative(path) else { continue }
        for locale in site.locales where site.tree.isFile(locale.path(relative)) {
          paths.insert(locale.path(relative))
        }
      }
      markdown = Array(paths)
    } else {
      markdown = site.tree.entries.compactMap { path, entry -> String? in
        guard case .file = entry, RelativePath.fileExtension(of: path) == "md" else { return nil }
        return path
      }
    }
    var sourceFiles: [String: String] = [:]
    for path in markdown {
      if let relative = source.relative(path) { sourceFiles[relative] = path }
    }
    var pairs: [TranslationPair] = []
    for locale in site.locales.dropFirst()
    where selected.isEmpty || selected.contains(locale.name) {
      var translated: [String: String] = [:]
      for path in markdown {
        if let relative = locale.relative(path) { translated[relative] = path }
      }
      for relative in Set(sourceFiles.keys).union(translated.keys).sorted() {
        let sourcePath = sourceFiles[relative]
        let translationPath = translated[relative]
        let isInclude =
          [sourcePath, translationPath].compactMap { $0 }.contains { site.includes.isInclude($0) }
        pairs.append(
          TranslationPair(
            locale: locale.name, relativePath: relative, sourcePath: sourcePath,
            translationPath: translationPath, isInclude: isInclude))
      }
    }
    return pairs
  }
}
