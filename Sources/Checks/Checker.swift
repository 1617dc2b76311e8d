import DocModel
import DocSite

/// The outcome of checking a site.
public struct CheckResult: Sendable {
  /// Findings after configuration, suppression and locale selection, in report order.
  public var diagnostics: [Diagnostic]
  /// How many Markdown files were checked.
  public var filesChecked: Int

  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs every rule over a site and applies configuration: ignores, `docproof-disable`
/// comments, severities, and the `--locale` selection.
public enum Checker {
  /// Runs the rules; `additional` findings (from later stages) go through the same
  /// configuration, suppression and ordering.
  public static func run(
    _ site: Site, rules: [any Rule.Type], options: CheckOptions, additional: [Diagnostic] = []
  ) async -> CheckResult {
    result(
      site, options: options,
      found: await findings(site, rules: rules, options: options) + additional)
  }

  /// The findings of `rules` as found, before configuration: the rules run in parallel, and
  /// other stages may run beside them (`result` then applies configuration to all).
  public static func findings(_ site: Site, rules: [any Rule.Type], options: CheckOptions) async
    -> [Diagnostic]
  {
    await findings(in: CheckContext(site: site, options: options), rules: rules)
  }

  /// The findings of `rules` in a context built beforehand (a caller about to exit can keep
  /// it to the end rather than free it).
  public static func findings(in context: CheckContext, rules: [any Rule.Type]) async
    -> [Diagnostic]
  {
    let site = context.site
    return await withTaskGroup(of: [Diagnostic].self) { group in
      // A rule switched off (in docproof.yml, or opt-in and not asked for) would only have
      // its findings dropped.
      for rule in rules where runs(rule.info, site.configuration) {
        group.addTask { await rule.check(context) }
      }
      var all: [Diagnostic] = []
      for await findings in group { all += findings }
      return all
    }
  }

  /// Whether a rule runs: not switched off in docproof.yml, and, when it is opt-in, given a
  /// severity there.
  public static func runs(_ rule: RuleInfo, _ configuration: Configuration) -> Bool {
    if configuration.isOff(rule.id) { return false }
    return rule.enabledByDefault || configuration.severities[rule.id] != nil
  }

  /// The outcome of a run from all its raw findings (rules' and later stages').
  public static func result(_ site: Site, options: CheckOptions, found: [Diagnostic])
    -> CheckResult
  {
    let diagnostics = finish(found, site: site, options: options)
    let checked = site.parsedPaths.filter { selected($0, site: site, options: options) }.count
    return CheckResult(diagnostics: diagnostics, filesChecked: checked)
  }

  /// Applies configuration and suppressions to raw findings, then sorts and deduplicates.
  public static func finish(_ found: [Diagnostic], site: Site, options: CheckOptions)
    -> [Diagnostic]
  {
    let configuration = site.configuration
    let ignores = configuration.ignores.map { (Glob($0.glob), $0.rules) }
    let suppressions = Suppressions(files: site.files, paths: found.lazy.map(\.path))
    var seen: Set<Diagnostic> = []
    var result: [Diagnostic] = []
    for var diagnostic in found {
      guard selected(diagnostic, site: site, options: options) else { continue }
      if ignores.contains(where: { glob, rules in
        glob.matches(diagnostic.path) && (rules?.contains(diagnostic.rule) ?? true)
      }) {
        continue
      }
      if suppressions.silences(diagnostic) { continue }
      if let override = configuration.severities[diagnostic.rule] {
        guard let severity = override else { continue }
        diagnostic.severity = severity
      }
      if seen.insert(diagnostic).inserted { result.append(diagnostic) }
    }
    return result.sorted(by: Diagnostic.reportOrder)
  }

  static func selected(_ diagnostic: Diagnostic, site: Site, options: CheckOptions) -> Bool {
    // An untranslated file is reported at its source, for the locale that lacks it: the
    // localization stage only reports the selected locales.
    if diagnostic.rule == .l10nUntranslated {
      return options.covers(diagnostic.path, in: site)
    }
    return selected(diagnostic.path, site: site, options: options)
  }

  static func selected(_ path: String, site: Site, options: CheckOptions) -> Bool {
    // In a Learn repository, a file no page shows is never rendered: not a source of errors.
    guard options.covers(path, in: site), site.isReported(path) else { return false }
    guard !options.locales.isEmpty else { return true }
    return options.locales.contains(site.locale(of: path).name)
  }
}
