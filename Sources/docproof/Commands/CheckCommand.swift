import ArgumentParser
import Checks
import DocModel
import DocSite
import Foundation
import Incremental
import Localization
import Reporting
import Synchronization
import Transcripts

#if canImport(Glibc)
  import Glibc
#endif

/// `docproof check [ROOT]`: every structural and link rule over a docs tree.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a docs tree: front matter, zones, pivots, includes, links and bookmarks.",
    discussion: """
      Exit status: 0 when there is no error-level finding, 1 when there is one, 2 when the \
      tree cannot be checked (missing root, invalid docproof.yml, unwritable output).
      """)

  @Argument(
    help: ArgumentHelp(
      "The tree to check (default: the working folder when it holds .openpublishing.publish.config.json or docfx.json, else docs).",
      valueName: "root"))
  var givenRoot: String?

  @Option(help: "The report's format; github writes annotations for GitHub Actions.")
  var format: ReportFormat = .text

  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(
    help: ArgumentHelp(
      "When to color the text report; auto colors a terminal unless NO_COLOR is set, and a pipe when FORCE_COLOR is.",
      valueName: "when"))
  var color: ColorChoice = .auto

  @Flag(help: "Also check external links over the network.")
  var external = false

  @Option(name: .customLong("locale"), help: "Only report on this locale (repeatable).")
  var locales: [String] = []

  @Option(
    help: ArgumentHelp(
      "Report only shard I of N (1-based): N jobs with 1/N ... N/N report what one run reports.",
      valueName: "I/N"))
  var shard: String?

  @Option(
    help: ArgumentHelp(
      "Only check what the files changed since this git commit (committed or not) can affect.",
      valueName: "REF"))
  var changedSince: String?

  @Flag(
    help: ArgumentHelp(
      "With --changed-since: neither read nor write the reference cache (ROOT/.docproof-cache/references-v2.bin)."
    ))
  var noCache = false

  @Flag(help: "Do not run scenarios: compare transcripts with the golden files only.")
  var noRun = false

  @Flag(
    help:
      "Rewrite drifting transcripts from the golden files and drifting snippets from their sources."
  )
  var fix = false

  @Flag(help: "With --fix: print what it would change, and write nothing.")
  var dryRun = false

  @Flag(help: "With --fix: write even when CI is set (refused there otherwise).")
  var writeInCi = false

  func run() async throws {
    // Nothing the scenarios start outlives them, or this run.
    ProcessReaper.takeCharge()
    if fix, !dryRun { try CIWriteGuard.check("--fix", allowed: writeInCi) }
    let root = try Site.rootForCommand(givenRoot)
    var selectedShard: Shard?
    if let shard {
      guard let parsed = Shard(shard) else {
        throw ToolFailure("--shard '\(shard)' is not I/N with 1 <= I <= N (for example 2/4)")
      }
      selectedShard = parsed
    }
    let progress = ProgressLine()
    let site: Site
    var scope: Set<String>?
    do {
      let parsed: @Sendable (Int, Int) -> Void = { done, total in
        progress.update("parsed \(done)/\(total) files")
      }
      if let changedSince {
        (site, scope) = try await Self.loadChanges(
          since: changedSince, root: root, useCache: !noCache, progress: parsed)
      } else {
        site = try await Site.loadForCommand(root, progress: parsed)
      }
    } catch {
      progress.finish()
      throw error
    }
    do {
      try site.requireLocales(locales)
    } catch {
      progress.finish()
      throw error
    }
    let options = CheckOptions(
      external: external, locales: locales, shard: selectedShard, scope: scope)
    var pass = try await Self.evaluate(
      site, options: options, runScenarios: !noRun, locales: locales, scope: scope,
      progress: progress)
    if fix {
      progress.finish()
      // A shard fixes only its own files, so that N jobs never write the same file; and no
      // transcript is written from a golden file this run showed wrong.
      let owned = { (file: String) in options.covers(file, in: pass.site) }
      let transcripts = pass.drifts.filter {
        owned($0.block.file) && pass.unsafe[$0.block.scenario] == nil
      }
      let snippets = pass.snippetDrifts.filter { owned($0.file) }
      let (changes, failures) =
        dryRun
        ? (Fixer.plan(site: pass.site, transcripts: transcripts, snippets: snippets), [])
        : Fixer.fix(site: pass.site, transcripts: transcripts, snippets: snippets)
      for change in changes {
        FileHandle.standardError.write(
          Data(
            "docproof: \(dryRun ? "would fix" : "fixed") \(pass.site.displayPath(change.file)):\(change.line) (\(change.what))\n\(change.diff)"
              .utf8))
      }
      let held = pass.drifts.count { owned($0.block.file) && pass.unsafe[$0.block.scenario] != nil }
      if changes.isEmpty, failures.isEmpty {
        FileHandle.standardError.write(
          Data(
            (held == 0
              ? "docproof: nothing to fix\n"
              : "docproof: nothing fixed: \(held) drifting transcript\(held == 1 ? "" : "s") would be written from a golden file this run showed wrong (see their notes)\n")
              .utf8))
      }
      if !changes.isEmpty, !dryRun {
        // Report the tree as the fix left it: checked again, without running the scenarios
        // again (what their runs found still stands).
        let fixedSite = try await Site.loadForCommand(root)
        let runFindings = pass.runFindings
        let unsafe = pass.unsafe
        let ran = pass.proof
        pass = try await Self.evaluate(
          fixedSite, options: options, runScenarios: false, locales: locales, scope: scope,
          progress: progress)
        pass.stageFindings += runFindings
        pass.unsafe = unsafe
        pass.proof.ran = ran.ran
        pass.proof.scenarios = ran.scenarios
        pass.proof.programs = ran.programs
      }
      pass.stageFindings += failures
    }
    pass.stageFindings = Self.noteUnfixable(pass)
    progress.update("checking \(pass.site.files.count) files")
    let checked = pass.site
    let context = pass.context
    let result = Checker.result(
      checked, options: options, found: pass.ruleFindings + pass.stageFindings)
    progress.finish()

    var report = Report(
      base: checked.reportBase, diagnostics: result.diagnostics,
      filesChecked: result.filesChecked, rules: RuleCatalog.all)
    report.toolVersion = Version.number
    report.proof = pass.proof
    // A shard, or a check of what changed, proves only its own transcripts.
    report.proof?.transcripts.removeAll { !options.covers($0.path, in: checked) }
    if let selectedShard {
      report.automationID = "docproof/check/shard-\(selectedShard.index)-of-\(selectedShard.count)/"
    }
    report.linksNotChecked = context.linksIntoOtherDocsets
    report.context = checked.context(siteAbsoluteLinks: context.siteAbsoluteLinks)
    if checked.learn?.siteBase == nil { report.linksNotCheckedKind = "site-absolute" }
    let text = try format.reporter(color: color.enabled(toFile: output != nil)).render(report)
    // A text report ends with the summary line already.
    try ReportOutput.deliver(
      text, to: output, summary: format == .text ? nil : report.summaryLine)
    // After the report: a summary that cannot be written loses nothing else.
    try StepSummary.append(report)
    // Exit with the site still alive: releasing it (every page of the tree, one object at a
    // time) took longer than writing the report (0.25 s of 3.7 on 66,000 files). So for
    // what was built from it: the rules' resolved references, the translation pairs.
    withExtendedLifetime(pass) {}
    ProcessReaper.exit(result.errors > 0 ? 1 : 0)
  }
}

extension CheckCommand {
  /// Loads only what the changes since `reference` can affect; the scope is `nil` when
  /// they can affect everything (a note on stderr says why).
  static func loadChanges(
    since reference: String, root: String, useCache: Bool,
    progress: @escaping @Sendable (Int, Int) -> Void
  ) async throws -> (Site, Set<String>?) {
    // Git works out what changed, and the reference cache is read, while the tree is walked.
    async let asked = Self.changedFiles(since: reference, root: root)
    async let cache =
      useCache
      ? ReferenceCache.load(realRoot: FileTree.realPath(root) ?? root) : nil
    let scanned = try Site.scanForCommand(root)
    let changes = try await asked.get()
    let impact = await ChangeImpact.compute(
      site: scanned, changes: changes, useCache: useCache, cached: await cache,
      progress: progress)
    for note in impact.notes {
      FileHandle.standardError.write(Data("docproof: \(note)\n".utf8))
    }
    // Files beyond the tree count too: a snippet's source, a golden file.
    let count = changes.changed.count + changes.deleted.count + changes.elsewhere.count
    func files(_ count: Int, _ kind: String = "") -> String {
      "\(count) \(kind)\(count == 1 ? "file" : "files")"
    }
    switch impact.scope {
    case .everything(let reason):
      FileHandle.standardError.write(
        Data("docproof: --changed-since \(reference): \(reason): checking every file\n".utf8))
      return (impact.site, nil)
    case .files(let scope):
      let checked = scope.filter { impact.site.files[$0] != nil }.count
      FileHandle.standardError.write(
        Data(
          "docproof: \(files(count)) changed since \(reference); checking the \(files(checked, "Markdown ")) they can affect\n"
            .utf8))
      return (impact.site, scope)
    }
  }
}

extension CheckCommand {
  /// `ChangedFiles.since`, its failure as a `ToolFailure` (for `async let`).
  static func changedFiles(since reference: String, root: String) async -> Result<
    ChangedFiles, ToolFailure
  > {
    do {
      return .success(try await ChangedFiles.since(reference, root: root))
    } catch {
      return .failure(ToolFailure(error.description))
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}

/// A one-line progress display on stderr: only on a terminal, and only once a run has
/// taken more than a second.
final class ProgressLine: Sendable {
  /// Whether a line is on screen, and when it was last drawn.
  private struct State {
    var shown = false
    var last: ContinuousClock.Instant?
  }

  private let start = ContinuousClock.now
  private let enabled = isatty(STDERR_FILENO) == 1
  private let state = Mutex<State>(State())

  /// Redraws the line, at most ten times a second, once the run has taken a second.
  func update(_ message: String) {
    guard enabled else { return }
    let now = ContinuousClock.now
    guard now - start > .seconds(1) else { return }
    let draw: Bool = state.withLock { (state: inout State) -> Bool in
      if let last = state.last, now - last < Duration.milliseconds(100) { return false }
      state.shown = true
      state.last = now
      return true
    }
    if draw { FileHandle.standardError.write(Data("\r\u{1B}[2Kdocproof: \(message)".utf8)) }
  }

  func finish() {
    let shown: Bool = state.withLock { (state: inout State) -> Bool in
      let shown = state.shown
      state = State()
      return shown
    }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
  }
}

extension CheckCommand {
  /// What one evaluation of a tree found: the rules' findings beside the later stages'.
  struct Pass: Sendable {
    var site: Site
    var context: CheckContext
    var ruleFindings: [Diagnostic]
    /// Transcripts, programs, translations, snippets.
    var stageFindings: [Diagnostic]
    var drifts: [(block: TranscriptBlock, golden: String)]
    var snippetDrifts: [SnippetBlock]
    /// Scenarios whose golden file the run showed wrong, and why.
    var unsafe: [String: String]
    /// What running the scenarios and programs found.
    var runFindings: [Diagnostic]
    var localization: LocalizationReport?
    var discovery: TranscriptDiscovery
    /// What ran and what was compared.
    var proof: Proof
  }

  /// Runs the rules, and beside them the transcript, program, translation and snippet
  /// stages, over a loaded tree.
  static func evaluate(
    _ site: Site, options: CheckOptions, runScenarios: Bool, locales: [String],
    scope: Set<String>?, progress: ProgressLine
  ) async throws -> Pass {
    // The rules need nothing the later stages find: they run beside them.
    async let rules: (CheckContext, [Diagnostic]) = {
      let context = await CheckContext(site: site, options: options)
      return (context, await Checker.findings(in: context))
    }()
    var findings: [Diagnostic] = []
    var drifts: [(block: TranscriptBlock, golden: String)] = []
    var unsafe: [String: String] = [:]
    var runFindings: [Diagnostic] = []
    var proof = Proof(ran: runScenarios)
    let discovery = TranscriptFinder.find(in: site)
    if !site.configuration.scenarios.isEmpty || !discovery.diagnostics.isEmpty {
      progress.update(runScenarios ? "running scenarios" : "comparing transcripts")
      let stage = await TranscriptStage(runScenarios: runScenarios).check(
        site, discovery: discovery)
      findings = stage.diagnostics
      drifts = stage.drifts
      unsafe = stage.unsafe
      runFindings = stage.runFindings
      proof.scenarios = stage.scenarios
      proof.transcripts = stage.comparisons
    }
    let docsScenarios = site.configuration.scenarios.filter { $0.runner.runsDocsCode }
    if runScenarios, !docsScenarios.isEmpty {
      progress.update("running the docs' code")
      let programs = await ProgramStage().check(
        site,
        preparing: { message in
          // Said on standard error even without a terminal: pip or npm may take a while.
          progress.finish()
          FileHandle.standardError.write(Data("docproof: \(message)\n".utf8))
        })
      findings += programs.diagnostics
      runFindings += programs.diagnostics
      proof.programs = programs.programs
    } else {
      proof.programs = docsScenarios.map {
        Proof.Run(name: $0.name, runner: $0.runner.rawValue, seconds: nil, result: .notRun)
      }
    }
    var localization: LocalizationReport?
    if site.locales.count > 1 || site.configuration.sourceRepository != nil
      || !site.configuration.translationRepositories.isEmpty
    {
      progress.update("comparing translations")
      localization = await LocalizationAnalysis.run(
        try await site.localizationSides(source: nil), locales: locales,
        transcripts: discovery.blocks, only: scope, now: RunClock.now)
      findings += localization?.diagnostics ?? []
    }
    let snippets = SnippetStage.check(site)
    findings += snippets.diagnostics
    proof.snippetsCompared = snippets.compared
    proof.snippetsMatched = snippets.compared - snippets.drifts.count
    let outputs = OutputConsistency.check(site, discovery: discovery)
    findings += outputs.diagnostics
    findings += await ProgramSyntax.check(
      outputs.pairings,
      cacheFolder: GoldenStore(site: site).projectRoot + "/.docproof-cache/syntax")
    proof.programsRead = outputs.programsChecked
    proof.programsAgreeing = outputs.programsAgreeing
    let (context, ruleFindings) = await rules
    return Pass(
      site: site, context: context, ruleFindings: ruleFindings, stageFindings: findings,
      drifts: drifts, snippetDrifts: snippets.drifts, unsafe: unsafe, runFindings: runFindings,
      localization: localization, discovery: discovery, proof: proof)
  }

  /// The stage findings, each drifting transcript of a scenario whose golden file this run
  /// showed wrong saying why it was not (and is not to be) fixed from it.
  static func noteUnfixable(_ pass: Pass) -> [Diagnostic] {
    guard !pass.unsafe.isEmpty else { return pass.stageFindings }
    var scenarios: [String: String] = [:]
    for (block, _) in pass.drifts { scenarios["\(block.file):\(block.line)"] = block.scenario }
    return pass.stageFindings.map { finding in
      guard finding.rule == .transcriptDrift,
        let scenario = scenarios["\(finding.path):\(finding.line)"],
        let reason = pass.unsafe[scenario]
      else { return finding }
      var noted = finding
      noted.notes.removeAll { $0.hasPrefix("'docproof check --fix' rewrites") }
      noted.notes.append(
        "--fix does not rewrite it: in this run, scenario '\(scenario)': \(reason); fix the program, or run "
          + "'docproof golden update \(scenario)' and review the golden file, first")
      return noted
    }
  }
}
