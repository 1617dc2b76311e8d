import Checks
import DocModel
import DocSite
import Transcripts

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

/// Maps translations to sources, judges staleness, compares structure, and runs the
/// localization rules over the result.
public enum LocalizationAnalysis {
  /// Analyzes the selected localized locales (all when `locales` is empty). Git is asked
  /// only for translations without an `ms.openlocfilehash`. `transcripts` are the site's
  /// transcript blocks when the caller has found them already. With `only`, just the pairs
  /// with a file among those paths (`--changed-since`).
  public static func run(
    _ site: Site, locales: [String] = [], transcripts known: [TranscriptBlock]? = nil,
    only scope: Set<String>? = nil
  ) async -> LocalizationReport {
    let pairs = TranslationPair.all(in: site, locales: locales, only: scope)
    let transcripts = known ?? TranscriptFinder.find(in: site).blocks
    let transcriptLines = Dictionary(
      transcripts.map { ($0.file, [$0.line] as Set<Int>) }, uniquingKeysWith: { $0.union($1) })
    let localeNames = Set(site.locales.map { $0.name.lowercased() })

    let needsGit = pairs.contains { pair in
      guard let path = pair.translationPath, pair.sourcePath != nil, let page = site.files[path]
      else { return false }
      return page.frontMatter.string("ms.openlocfilehash").map {
        !SourceHash.isSHA1($0.lowercased())
      }
        ?? true
    }
    let git = needsGit ? await GitHistory.open(at: site.tree.realRoot) : nil
    let judge = StalenessJudge(site: site, git: git)

    // Pairs are independent: judged and compared in parallel chunks, kept in pair order.
    let files = await pairs.concurrentChunks { chunk in
      var files: [LocalizedFile] = []
      files.reserveCapacity(chunk.count)
      for pair in chunk {
        // Only the judgment may wait (on git); the file is built without a suspension
        // point, so that it is not kept in the task's frame and copied out of it.
        let pages = TextPages(pair, in: site)
        var staleness: Staleness?
        if let pages {
          staleness = await judge.judge(
            translation: pages.translation, translationPath: pages.translationPath,
            sourcePath: pages.sourcePath)
        }
        files.append(
          compared(
            pair, pages: pages, staleness: staleness, site: site,
            transcriptLines: transcriptLines, localeNames: localeNames))
      }
      return files
    }.flatMap { $0 }
    var report = LocalizationReport(
      sourceLocale: site.sourceLocale.name,
      locales: site.locales.dropFirst().map(\.name).filter {
        locales.isEmpty || locales.contains($0)
      },
      includesSource: locales.isEmpty || locales.contains(site.sourceLocale.name),
      files: files, diagnostics: [])
    // A rule switched off in docproof.yml would only have its findings dropped.
    report.diagnostics = LocalizationRules.all.filter { !site.configuration.isOff($0.info.id) }
      .flatMap { $0.check(report, site: site) }
    return report
  }

  /// Both files of a pair, parsed as text: what staleness and structure are judged on.
  private struct TextPages {
    var sourcePath: String
    var source: Page
    var translationPath: String
    var translation: Page

    init?(_ pair: TranslationPair, in site: Site) {
      guard let translationPath = pair.translationPath, let sourcePath = pair.sourcePath,
        let translation = site.files[translationPath], let source = site.files[sourcePath],
        !translation.isBinary, !source.isBinary
      else { return nil }
      (self.sourcePath, self.source) = (sourcePath, source)
      (self.translationPath, self.translation) = (translationPath, translation)
    }
  }

  /// `pair` with its staleness, its structures aligned aspect by aspect (when both files
  /// parsed as text) and its `ms.contentlocale`.
  private static func compared(
    _ pair: TranslationPair, pages: TextPages?, staleness: Staleness?, site: Site,
    transcriptLines: [String: Set<Int>], localeNames: Set<String>
  ) -> LocalizedFile {
    var comparison: [StructureAspect: [AlignedRow]] = [:]
    if let pages {
      let sourceStructure = PageStructure(
        of: pages.source, transcriptLines: transcriptLines[pages.sourcePath] ?? [],
        localeNames: localeNames)
      let translationStructure = PageStructure(
        of: pages.translation, transcriptLines: transcriptLines[pages.translationPath] ?? [],
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
