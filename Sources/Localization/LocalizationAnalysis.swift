import DocModel
import DocSite
import Foundation

/// Everything `docproof l10n` knows about a tree's translations.
public struct LocalizationReport: Sendable {
  public var sourceLocale: String
  /// The localized locales compared, in order.
  public var locales: [String]
  /// Whether findings about the source locale's own files (its `ms.contentlocale`) belong
  /// in the report: when no locale was selected, or the source locale was.
  public var includesSource: Bool
  /// Every source file and translation, by locale then path.
  public var files: [LocalizedFile]
  /// The findings of every localization rule, at their default severities.
  public var diagnostics: [Diagnostic]

  /// The files of one locale.
  public func files(of locale: String) -> [LocalizedFile] {
    files.filter { $0.pair.locale == locale }
  }
}

/// Where a tree shows transcripts: for each file, the opening-fence lines of its transcript
/// blocks. Finding them is the `Transcripts` target's work, above this one: callers pass
/// `TranscriptFinder.lines(in:)`, or the lines of blocks they have found already.
public typealias TranscriptLocator = @Sendable (Site) -> [String: Set<Int>]

/// Maps translations to sources, judges staleness, compares structure, and runs the
/// localization rules over the result.
public enum LocalizationAnalysis {
  /// Analyzes the selected localized locales (all when `locales` is empty) and runs `rules`
  /// over the result. Git is asked
  /// only for translations without an `ms.openlocfilehash`. `transcripts` says where a
  /// tree's transcripts are. With `only`, just the pairs with a file among those paths
  /// (`--changed-since`).
  public static func run(
    _ site: Site, rules: [any LocalizationRule.Type], locales: [String] = [],
    transcripts: TranscriptLocator, only scope: Set<String>? = nil
  ) async -> LocalizationReport {
    await run(
      .sideBySide(site), rules: rules, locales: locales, transcripts: transcripts, only: scope)
  }

  /// Analyzes translations across `sides`: locale folders of one tree, or a source
  /// repository and its localizations' repositories. `transcripts` says where a tree's
  /// transcripts are.
  /// `history`: for each stale translation, ask the source's git repository for its commits
  /// and diff since the translated version (`docproof l10n`); handoff ages are counted to
  /// `now`.
  public static func run(
    _ sides: LocalizationSides, rules: [any LocalizationRule.Type], locales: [String] = [],
    transcripts: TranscriptLocator,
    only scope: Set<String>? = nil, history: Bool = false, now: Date = Date()
  ) async -> LocalizationReport {
    let source = sides.source
    let pairs = TranslationPair.all(in: sides, locales: locales, only: scope)
    // Transcript lines by tree (two repositories may hold a file at the same path).
    var transcriptLines: [String: [String: Set<Int>]] = [:]
    for site in [source] + sides.translations.map(\.site)
    where transcriptLines[site.tree.realRoot] == nil {
      transcriptLines[site.tree.realRoot] = transcripts(site)
    }
    let localeNames = Set(
      (source.locales.map(\.name) + sides.translations.map(\.locale)).map { $0.lowercased() })

    let needsGit = pairs.contains { pair in
      guard let path = pair.translationPath, pair.sourcePath != nil,
        let page = sides.site(of: pair.locale).files[path]
      else { return false }
      return page.frontMatter.string("ms.openlocfilehash").map {
        !SourceHash.isSHA1($0.lowercased())
      }
        ?? true
    }
    let git = needsGit || history ? await GitHistory.open(at: source.tree.realRoot) : nil
    let lines = transcriptLines
    let judge = StalenessJudge(site: source, git: git) { path in
      sides.display(sides.reportPath(source: path))
    }

    // Pairs are independent: judged and compared in parallel chunks, kept in pair order.
    let files = await pairs.concurrentChunks { chunk in
      var files: [LocalizedFile] = []
      files.reserveCapacity(chunk.count)
      for pair in chunk {
        // Only the judgment may wait (on git); the file is built without a suspension
        // point, so that it is not kept in the task's frame and copied out of it.
        let translationSite = sides.site(of: pair.locale)
        let pages = TextPages(pair, source: source, translation: translationSite)
        var staleness: Staleness?
        if let pages {
          staleness = await judge.judge(
            translation: pages.translation, translationPath: pages.translationPath,
            sourcePath: pages.sourcePath)
          if staleness?.freshness == .stale {
            staleness?.lag = await judge.lag(
              translation: pages.translation, sourcePath: pages.sourcePath, now: now,
              history: history)
          }
        }
        files.append(
          compared(
            pair, pages: pages, staleness: staleness, translationSite: translationSite,
            sourceLines: lines[source.tree.realRoot] ?? [:],
            translationLines: lines[translationSite.tree.realRoot] ?? [:],
            localeNames: localeNames))
      }
      return files
    }.flatMap { $0 }
    var report = LocalizationReport(
      sourceLocale: source.sourceLocale.name,
      locales: sides.translations.map(\.locale).filter {
        locales.isEmpty || locales.contains($0)
      },
      includesSource: locales.isEmpty || locales.contains(source.sourceLocale.name),
      files: files, diagnostics: [])
    // A rule switched off in docproof.yml would only have its findings dropped.
    report.diagnostics = rules.filter {
      !sides.reported.configuration.isOff($0.info.id)
    }
    .flatMap { $0.check(report, sides: sides) }
    return report
  }

  /// Both files of a pair, parsed as text: what staleness and structure are judged on.
  private struct TextPages {
    var sourcePath: String
    var source: Page
    var translationPath: String
    var translation: Page

    init?(_ pair: TranslationPair, source sourceSite: Site, translation translationSite: Site) {
      guard let translationPath = pair.translationPath, let sourcePath = pair.sourcePath,
        let translation = translationSite.files[translationPath],
        let source = sourceSite.files[sourcePath],
        !translation.isBinary, !source.isBinary
      else { return nil }
      (self.sourcePath, self.source) = (sourcePath, source)
      (self.translationPath, self.translation) = (translationPath, translation)
    }
  }

  /// `pair` with its staleness, its structures aligned aspect by aspect (when both files
  /// parsed as text) and its `ms.contentlocale`.
  private static func compared(
    _ pair: TranslationPair, pages: TextPages?, staleness: Staleness?, translationSite site: Site,
    sourceLines: [String: Set<Int>], translationLines: [String: Set<Int>],
    localeNames: Set<String>
  ) -> LocalizedFile {
    var comparison: [StructureAspect: [AlignedRow]] = [:]
    if let pages {
      let sourceStructure = PageStructure(
        of: pages.source, transcriptLines: sourceLines[pages.sourcePath] ?? [],
        localeNames: localeNames)
      let translationStructure = PageStructure(
        of: pages.translation, transcriptLines: translationLines[pages.translationPath] ?? [],
        localeNames: localeNames)
      for aspect in StructureAspect.allCases {
        comparison[aspect] = StructureComparison.align(
          source: sourceStructure[aspect], translation: translationStructure[aspect])
      }
    }
    return LocalizedFile(
      pair: pair, staleness: staleness, comparison: comparison,
      contentLocale: (pages?.translation ?? pair.translationPath.flatMap { site.files[$0] })
        .flatMap { ContentLocale(of: $0) })
  }
}
