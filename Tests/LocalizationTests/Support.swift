import DocSite
import Foundation
import Localization
import TestSupport

/// Loads a temporary tree and analyzes its translations.
func analyze(_ files: [String: String], locales: [String] = []) async throws -> LocalizationReport {
  let tree = try TemporaryTree(files)
  defer { tree.remove() }
  let site = try await Site.load(root: tree.path, knownRules: [])
  return await LocalizationAnalysis.run(site, locales: locales)
}
