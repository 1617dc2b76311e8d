import ArgumentParser
import Checks
import DocModel
import DocSite
import Foundation
import Localization
import Reporting

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

  @Argument(help: "The docs tree (default: docs).")
  var root = "docs"

  @Option(help: "Report format: text, json or html.")
  var format: Format = .text

  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(name: .customLong("locale"), help: "Only report on this locale (repeatable).")
  var locales: [String] = []

  func run() async throws {
    let site = try await Site.loadForCommand(root)
    let known = site.locales.map(\.name)
    for locale in locales where !known.contains(locale) {
      throw ToolFailure(SiteError.unknownLocale(locale, known: known).description)
    }
    let analysis = await LocalizationAnalysis.run(site, locales: locales)
    let diagnostics = Checker.finish(
      analysis.diagnostics, site: site, options: CheckOptions(locales: locales))
    let text: String
    switch format {
    case .text:
      text = L10nTextReport(root: root, report: analysis, diagnostics: diagnostics).render()
    case .html:
      text = L10nHTMLReport(root: root, report: analysis, diagnostics: diagnostics).render()
    case .json:
      let files = analysis.files.filter { $0.pair.translationPath != nil }.count
      text = try JSONReporter().render(
        Report(
          root: root, diagnostics: diagnostics, filesChecked: files,
          rules: LocalizationRules.infos,
          workingDirectory: FileManager.default.currentDirectoryPath))
    }
    if let output {
      do {
        try AtomicFile.write(Data(text.utf8), to: output)
      } catch {
        throw ToolFailure("cannot write \(output): \(error.localizedDescription)")
      }
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.filter { $0.severity == .warning }.count
      let counts =
        "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
      FileHandle.standardError.write(Data("docproof: wrote \(output): \(counts)\n".utf8))
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
  }
}
