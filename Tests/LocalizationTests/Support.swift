import CheckPipeline
import DocSite
import Foundation
import Localization
import TestSupport
import Transcripts

/// Loads a temporary tree and analyzes its translations.
func analyze(_ files: [String: String], locales: [String] = []) async throws -> LocalizationReport {
  let tree = try TemporaryTree(files)
  defer { tree.remove() }
  let site = try await Site.load(root: tree.path, knownRules: [])
  return await LocalizationAnalysis.run(site, locales: locales)
}

extension LocalizationAnalysis {
  /// The analysis as `docproof check` runs it on one tree: every localization rule, the
  /// transcripts `TranscriptFinder` finds.
  static func run(_ site: Site, locales: [String] = []) async -> LocalizationReport {
    await run(
      site, rules: RuleRegistry.localization, locales: locales,
      transcripts: TranscriptFinder.lines)
  }
}
