import ArgumentParser
import CheckPipeline
import Checks
import DocModel
import DocSite
import Foundation
import Localization
import Reporting
import Transcripts

/// `docproof l10n [ROOT]`: which translations are stale or structurally drifted.
struct L10nCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "l10n",
    abstract: "Report translations that are stale or drifted from their source, per locale.",
    discussion: """
      Each file of a localized locale (sv-se/x.md) translates the source locale's file at \
      the same path (en-us/x.md). Staleness: ms.openlocfilehash against the SHA-1 of the \
      source with CRLF line endings; without it, git history after ms.sourcegitcommit or \
      ms.lasthandoff. Structure: zone_pivot_groups, zones, includes, section ids, code \
      blocks, transcripts, links and images. Exit status as for check: 1 when there is an \
      error-level finding (severities come from docproof.yml).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
  }

  @OptionGroup var tree: TreeArgument

  @Option(help: "The report's format; html is a self-contained dashboard.")
  var format: Format = .text

  @OptionGroup var scope: ReportScope

  @Option(
    help: ArgumentHelp(
      "The clone of the source repository ROOT translates, when ROOT is a localization kept in a repository of its own.",
      valueName: "source"))
  var source: String?

  @Flag(
    help: "Show, under each stale translation, the diff of its source since the translated version."
  )
  var diff = false

  func run() async throws {
    let root = try tree.root()
    let site = try await Site.loadForCommand(root)
    let sides = try await site.localizationSides(source: source)
    if sides.isSideBySide { try site.requireLocales(scope.locales) }
    let analysis = await LocalizationAnalysis.run(
      sides, rules: RuleRegistry.localization, locales: scope.locales,
      transcripts: TranscriptFinder.lines, history: true, now: RunClock.now)
    let diagnostics = Checker.finish(
      analysis.diagnostics, site: site, options: CheckOptions(locales: scope.locales))
    let report = Report(
      base: site.reportBase, diagnostics: diagnostics,
      filesChecked: analysis.files.filter { $0.pair.translationPath != nil }.count,
      rules: RuleRegistry.localization.map { $0.info })
    let text: String
    switch format {
    case .text:
      text = L10nTextReport(
        root: root, report: analysis, diagnostics: diagnostics,
        isLearnRepository: site.learn != nil, sides: sides.isSideBySide ? nil : sides,
        showDiffs: diff
      ).render()
    case .html:
      text = L10nHTMLReport(
        root: root, report: analysis, diagnostics: diagnostics,
        title: (site.tree.realRoot as NSString).lastPathComponent,
        sides: sides.isSideBySide ? nil : sides
      ).render()
    case .json:
      text = try JSONReporter().render(report)
    }
    try ReportOutput.deliver(
      text, to: scope.output, summary: "wrote \(scope.output ?? "-"): \(report.summaryLine)")
    if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
  }
}
