import Checks
import DocModel
import DocSite
import Foundation
import Incremental
import Localization
import Reporting
import Transcripts

/// What `docproof check` is asked to do.
public struct CheckRequest: Sendable {
  /// What `--fix` does with drifting transcripts and snippets.
  public enum Fix: Sendable {
    case none
    /// Say what would change, and write nothing.
    case dryRun
    case write
  }

  public var root: String
  /// Also check external links over the network.
  public var external = false
  /// Only report on these locales (all when empty).
  public var locales: [String] = []
  public var shard: Shard?
  /// Only check what the files changed since this git commit can affect.
  public var changedSince: String?
  /// With `changedSince`: read and write the reference cache.
  public var useReferenceCache = true
  /// Run the scenarios and the docs' programs (else compare with the golden files only).
  public var runScenarios = true
  public var fix = Fix.none

  public init(root: String) { self.root = root }
}

/// Something a check says while it runs, for the command to show.
public enum CheckEvent: Sendable {
  /// What it is doing now (a progress line; nothing to keep).
  case progress(String)
  /// A line the user should read even without a terminal (what --changed-since checks, a
  /// runtime being prepared).
  case note(String)
}

/// What one `docproof check` found, and what its `--fix` changed.
public struct CheckOutcome: Sendable {
  /// The report, before it is rendered in a format.
  public var report: Report
  /// Error-level findings: the run fails when there is one.
  public var errors: Int
  /// What `--fix` changed (or, with a dry run, would change).
  public var fixes: [Fixer.Change]
  /// Files `--fix` could not write (each is a finding in the report).
  public var fixFailures: Int
  /// Drifting transcripts `--fix` left because this run showed their golden file wrong.
  public var fixesHeld: Int
  /// Whatever the report was made from (the whole parsed tree): a caller about to exit can
  /// keep it rather than free it, page by page, before exiting.
  public var retained: any Sendable
}

/// `docproof check` as a library: options in, outcome out. The rules, the transcript,
/// program, translation and snippet stages, `--fix` and the report's assembly live here;
/// the command only parses arguments and writes the outcome.
public enum CheckPipeline {
  /// Loads the tree, runs every stage over it, applies `--fix` when asked, and returns the
  /// report. Throws `ToolFailure` when the tree cannot be checked.
  public static func run(
    _ request: CheckRequest, events: @escaping @Sendable (CheckEvent) -> Void = { _ in }
  ) async throws -> CheckOutcome {
    let root = request.root
    let parsed: @Sendable (Int, Int) -> Void = { done, total in
      events(.progress("parsed \(done)/\(total) files"))
    }
    let site: Site
    var scope: Set<String>?
    if let changedSince = request.changedSince {
      (site, scope) = try await loadChanges(
        since: changedSince, root: root, useCache: request.useReferenceCache, progress: parsed,
        events: events)
    } else {
      site = try await Site.loadForCommand(root, progress: parsed)
    }
    try site.requireLocales(request.locales)
    let options = CheckOptions(
      external: request.external, locales: request.locales, shard: request.shard, scope: scope)
    var pass = try await evaluate(
      site, options: options, runScenarios: request.runScenarios, locales: request.locales,
      scope: scope, events: events)
    var fixes: [Fixer.Change] = []
    var held = 0
    var fixFailures = 0
    if request.fix != .none {
      // A shard fixes only its own files, so that N jobs never write the same file; and no
      // transcript is written from a golden file this run showed wrong.
      let owned = { (file: String) in options.covers(file, in: pass.site) }
      let transcripts = pass.drifts.filter {
        owned($0.block.file) && pass.unsafe[$0.block.scenario] == nil
      }
      let snippets = pass.snippetDrifts.filter { owned($0.file) }
      let failures: [Diagnostic]
      (fixes, failures) =
        request.fix == .dryRun
        ? (Fixer.plan(site: pass.site, transcripts: transcripts, snippets: snippets), [])
        : Fixer.fix(site: pass.site, transcripts: transcripts, snippets: snippets)
      fixes = fixes.map { change in
        var shown = change
        shown.file = pass.site.displayPath(change.file)
        return shown
      }
      fixFailures = failures.count
      held = pass.drifts.count { owned($0.block.file) && pass.unsafe[$0.block.scenario] != nil }
      if !fixes.isEmpty, request.fix == .write {
        // Report the tree as the fix left it: checked again, without running the scenarios
        // again (what their runs found still stands).
        let fixedSite = try await Site.loadForCommand(root)
        let ran = pass
        pass = try await evaluate(
          fixedSite, options: options, runScenarios: false, locales: request.locales,
          scope: scope, events: events)
        pass.stageFindings += ran.runFindings
        pass.unsafe = ran.unsafe
        pass.proof.ran = ran.proof.ran
        pass.proof.scenarios = ran.proof.scenarios
        pass.proof.programs = ran.proof.programs
      }
      pass.stageFindings += failures
    }
    pass.stageFindings = noteUnfixable(pass)
    events(.progress("checking \(pass.site.files.count) files"))
    let checked = pass.site
    let result = Checker.result(
      checked, options: options, found: pass.ruleFindings + pass.stageFindings)
    var report = Report(
      base: checked.reportBase, diagnostics: result.diagnostics,
      filesChecked: result.filesChecked, rules: RuleRegistry.infos)
    report.proof = pass.proof
    // A shard, or a check of what changed, proves only its own transcripts.
    report.proof?.transcripts.removeAll { !options.covers($0.path, in: checked) }
    if let shard = request.shard {
      report.automationID = "docproof/check/shard-\(shard.index)-of-\(shard.count)/"
    }
    report.linksNotChecked = pass.context.linksIntoOtherDocsets
    report.context = checked.context(siteAbsoluteLinks: pass.context.siteAbsoluteLinks)
    if checked.learn?.siteBase == nil { report.linksNotCheckedKind = "site-absolute" }
    return CheckOutcome(
      report: report, errors: result.errors, fixes: fixes, fixFailures: fixFailures,
      fixesHeld: held,
      retained: pass)
  }
}
