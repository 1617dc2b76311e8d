import CheckPipeline
import Checks
import DocModel
import DocSite
import TestSupport

/// Loads a tree and runs every rule on it.
///
/// Unless `requireFrontMatter` is set, a tree without `docproof.yml` gets one that requires
/// no front matter, so that small trees test only what they are about.
func check(
  _ files: [String: String], options: CheckOptions = CheckOptions(),
  requireFrontMatter: Bool = false
) async throws -> CheckResult {
  var files = files
  if !requireFrontMatter, files["docproof.yml"] == nil {
    files["docproof.yml"] = "frontMatter:\n  required: []\n"
  }
  let tree = try TemporaryTree(files)
  defer { tree.remove() }
  return try await check(path: tree.path, options: options)
}

/// Loads the tree at a path and runs every rule on it.
func check(path: String, options: CheckOptions = CheckOptions()) async throws -> CheckResult {
  let site = try await Site.load(root: path, knownRules: RuleRegistry.knownIDs)
  return await Checker.run(site, rules: RuleRegistry.structural, options: options)
}

extension CheckResult {
  /// The findings of one rule as `path:line:column message`.
  func findings(_ rule: RuleID) -> [String] {
    diagnostics.filter { $0.rule == rule }.map {
      "\($0.path):\($0.line):\($0.column) \($0.message)"
    }
  }

  /// The findings of one rule.
  func all(_ rule: RuleID) -> [Diagnostic] {
    diagnostics.filter { $0.rule == rule }
  }

  /// Every rule that reported, sorted.
  var rules: [RuleID] { Array(Set(diagnostics.map(\.rule))).sorted() }
}
