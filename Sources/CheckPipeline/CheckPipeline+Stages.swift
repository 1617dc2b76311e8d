import Checks
import DocModel
import DocSite
import Foundation
import Incremental
import Localization
import Transcripts

extension CheckPipeline {
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
    scope: Set<String>?, events: @escaping @Sendable (CheckEvent) -> Void
  ) async throws -> Pass {
    // The rules need nothing the later stages find: they run beside them.
    async let rules: (CheckContext, [Diagnostic]) = {
      let context = await CheckContext(site: site, options: options)
      return (context, await Checker.findings(in: context, rules: RuleRegistry.structural))
    }()
    var findings: [Diagnostic] = []
    var drifts: [(block: TranscriptBlock, golden: String)] = []
    var unsafe: [String: String] = [:]
    var runFindings: [Diagnostic] = []
    var proof = Proof(ran: runScenarios)
    let discovery = TranscriptFinder.find(in: site)
    if !site.configuration.scenarios.isEmpty || !discovery.diagnostics.isEmpty {
      events(.progress(runScenarios ? "running scenarios" : "comparing transcripts"))
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
      events(.progress("running the docs' code"))
      let programs = await ProgramStage().check(
        site,
        // Said even without a terminal: pip or npm may take a while.
        preparing: { message in events(.note(message)) })
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
      events(.progress("comparing translations"))
      let transcripts = discovery.lines
      let reported = site.tree.realRoot
      localization = await LocalizationAnalysis.run(
        try await site.localizationSides(source: nil), rules: RuleRegistry.localization,
        locales: locales,
        transcripts: {
          $0.tree.realRoot == reported ? transcripts : TranscriptFinder.lines(in: $0)
        },
        only: scope, now: RunClock.now)
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

extension CheckPipeline {
  /// Loads only what the changes since `reference` can affect; the scope is `nil` when
  /// they can affect everything (a note on stderr says why).
  static func loadChanges(
    since reference: String, root: String, useCache: Bool,
    progress: @escaping @Sendable (Int, Int) -> Void, events: @Sendable (CheckEvent) -> Void
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
    for note in impact.notes { events(.note(note)) }
    // Files beyond the tree count too: a snippet's source, a golden file.
    let count = changes.changed.count + changes.deleted.count + changes.elsewhere.count
    func files(_ count: Int, _ kind: String = "") -> String {
      "\(count) \(kind)\(count == 1 ? "file" : "files")"
    }
    switch impact.scope {
    case .everything(let reason):
      events(.note("--changed-since \(reference): \(reason): checking every file"))
      return (impact.site, nil)
    case .files(let scope):
      let checked = scope.filter { impact.site.files[$0] != nil }.count
      events(
        .note(
          "\(files(count)) changed since \(reference); checking the \(files(checked, "Markdown ")) they can affect"
        ))
      return (impact.site, scope)
    }
  }
}

extension CheckPipeline {
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
