import DocSite

/// A file of a localized locale and the source-locale file it translates: the same path
/// under each locale's folder, or (repositories of their own) the file published at the same
/// URL.
public struct TranslationPair: Sendable, Hashable {
  /// The localized locale (`sv-se`).
  public var locale: String
  /// The path inside the locale folders (`quickstarts/access-tokens.md`); across
  /// repositories, the translation's path in its repository (the source's when there is no
  /// translation).
  public var relativePath: String
  /// The source file from the source tree's root, or `nil` when the translation has no
  /// source (an orphan).
  public var sourcePath: String?
  /// The translation from its tree's root, or `nil` when the source is not translated.
  public var translationPath: String?

  /// Every pair of the selected localized locales across the sides' trees: locale folders
  /// side by side pair by path; repositories of their own by the published path (each
  /// repository's docfx.json), or by path when one has none.
  public static func all(
    in sides: LocalizationSides, locales selected: [String] = [], only scope: Set<String>? = nil
  ) -> [TranslationPair] {
    if sides.isSideBySide {
      return all(in: sides.source, locales: selected, only: scope)
    }
    let sources = grouped(sides.source)
    var pairs: [TranslationPair] = []
    for (locale, site) in sides.translations where selected.isEmpty || selected.contains(locale) {
      var unmatched = sources
      for (path, key, monikers) in keyed(site) {
        guard var candidates = unmatched[key], !candidates.isEmpty else {
          pairs.append(
            TranslationPair(
              locale: locale, relativePath: path, sourcePath: nil, translationPath: path))
          continue
        }
        // Versions of a page share its URL: the one whose monikers the translation's share.
        let index =
          candidates.firstIndex { !monikers.isDisjoint(with: $0.monikers) }
          ?? candidates.firstIndex { $0.monikers.isEmpty || monikers.isEmpty } ?? 0
        let source = candidates.remove(at: index)
        unmatched[key] = candidates
        pairs.append(
          TranslationPair(
            locale: locale, relativePath: path, sourcePath: source.path, translationPath: path))
      }
      for (_, left) in unmatched {
        for source in left {
          pairs.append(
            TranslationPair(
              locale: locale, relativePath: source.path, sourcePath: source.path,
              translationPath: nil))
        }
      }
    }
    return pairs.sorted { ($0.locale, $0.relativePath) < ($1.locale, $1.relativePath) }
  }

  /// A tree's Markdown files with what pairs them across repositories, in path order.
  private static func keyed(_ site: Site) -> [(path: String, key: String, monikers: Set<String>)] {
    site.markdownPaths.compactMap { path in
      guard let learn = site.learn else { return (path, path.lowercased(), []) }
      return learn.pairingKey(of: path).map { (path, $0.key, $0.monikers) }
    }
  }

  /// `keyed` grouped by key.
  private static func grouped(_ site: Site) -> [String: [(path: String, monikers: Set<String>)]] {
    var result: [String: [(path: String, monikers: Set<String>)]] = [:]
    for (path, key, monikers) in keyed(site) {
      result[key, default: []].append((path, monikers))
    }
    return result
  }

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
