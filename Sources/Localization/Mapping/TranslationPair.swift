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

  /// Every pair of the selected localized locales (all of them when `locales` is empty),
  /// sorted by locale, then path. Only Markdown files count.
  /// With `only`, just the pairs with a file among those paths.
  public static func all(
    in site: Site, locales selected: [String] = [], only scope: Set<String>? = nil
  ) -> [TranslationPair] {
    let source = site.sourceLocale
    guard !source.folder.isEmpty else { return [] }
    // Sorted: the paths of one locale, its folder taken off, stay in order.
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
      markdown = paths.sorted()
    } else {
      markdown = site.markdownPaths
    }
    func files(of locale: SiteLocale) -> [(relative: String, path: String)] {
      markdown.compactMap { path in locale.relative(path).map { ($0, path) } }
    }
    let sourceFiles = files(of: source)
    var pairs: [TranslationPair] = []
    for locale in site.locales.dropFirst()
    where selected.isEmpty || selected.contains(locale.name) {
      let translated = files(of: locale)
      // Both lists are sorted by relative path: one merge pairs them.
      var (next, nextTranslated) = (0, 0)
      while next < sourceFiles.count || nextTranslated < translated.count {
        let relative: String
        var (sourcePath, translationPath): (String?, String?) = (nil, nil)
        if nextTranslated == translated.count
          || (next < sourceFiles.count
            && sourceFiles[next].relative <= translated[nextTranslated].relative)
        {
          relative = sourceFiles[next].relative
          sourcePath = sourceFiles[next].path
          next += 1
        } else {
          relative = translated[nextTranslated].relative
        }
        if nextTranslated < translated.count, translated[nextTranslated].relative == relative {
          translationPath = translated[nextTranslated].path
          nextTranslated += 1
        }
        pairs.append(
          TranslationPair(
            locale: locale.name, relativePath: relative, sourcePath: sourcePath,
            translationPath: translationPath))
      }
    }
    return pairs
  }
}
