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

  @Option(help: "Report format: text, json, junit, sarif or github.")
  var format: ReportFormat = .text

  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

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

  func run() async throws {
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
    // The rules need nothing the later stages find: they run beside them.
    async let rules: (CheckContext, [Diagnostic]) = {
      let context = await CheckContext(site: site, options: options)
      return (context, await Checker.findings(in: context))
    }()
    var transcriptFindings: [Diagnostic] = []
    var transcriptDrifts: [(block: TranscriptBlock, golden: String)] = []
    let discovery = TranscriptFinder.find(in: site)
    if !site.configuration.scenarios.isEmpty || !discovery.diagnostics.isEmpty {
      progress.update(noRun ? "comparing transcripts" : "running scenarios")
      let stage = await TranscriptStage(runScenarios: !noRun).check(site, discovery: discovery)
      transcriptFindings = stage.diagnostics
      transcriptDrifts = stage.drifts
    }
    if !noRun, site.configuration.scenarios.contains(where: { $0.runner == .python }) {
      progress.update("running the docs' Python code")
      transcriptFindings += await ProgramStage().check(site)
    }
    var localization: LocalizationReport?
    if site.locales.count > 1 || site.configuration.sourceRepository != nil
      || !site.configuration.translationRepositories.isEmpty
    {
      progress.update("comparing translations")
      localization = await LocalizationAnalysis.run(
        try await site.localizationSides(source: nil), locales: locales,
        transcripts: discovery.blocks, only: scope, now: RunClock.now)
      transcriptFindings += localization?.diagnostics ?? []
    }
    let snippets = SnippetStage.check(site)
    transcriptFindings += snippets.diagnostics
    if fix {
      progress.finish()
      // A shard fixes only its own files, so that N jobs never write the same file.
      let owned = { (file: String) in options.covers(file, in: site) }
      let (changes, failures) = Fixer.fix(
        site: site, transcripts: transcriptDrifts.filter { owned($0.block.file) },
        snippets: snippets.drifts.filter { owned($0.file) })
      var fixed: Set<String> = []
      for change in changes {
        fixed.insert("\(change.file):\(change.line)")
        FileHandle.standardError.write(
          Data(
            "docproof: fixed \(root)/\(change.file):\(change.line) (\(change.what))\n\(change.diff)"
              .utf8))
      }
      if changes.isEmpty, failures.isEmpty {
        FileHandle.standardError.write(Data("docproof: nothing to fix\n".utf8))
      }
      transcriptFindings.removeAll { finding in
        (finding.rule == .transcriptDrift || finding.rule == .snippetDrift)
          && fixed.contains("\(finding.path):\(finding.line)")
      }
      transcriptFindings += failures
    }
    progress.update("checking \(site.files.count) files")
    let (context, ruleFindings) = await rules
    let result = Checker.result(site, options: options, found: ruleFindings + transcriptFindings)
    progress.finish()

    var report = Report(
      root: root, diagnostics: result.diagnostics, filesChecked: result.filesChecked,
      rules: Rules.all.map { $0.info } + TranscriptRules.all + LocalizationRules.infos,
      workingDirectory: FileManager.default.currentDirectoryPath)
    report.linksNotChecked = context.linksIntoOtherDocsets
    report.context = site.context(siteAbsoluteLinks: context.siteAbsoluteLinks)
    if site.learn?.siteBase == nil { report.linksNotCheckedKind = "site-absolute" }
    let useColor =
      output == nil && isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    let text = try format.reporter(color: useColor).render(report)
    // A text report ends with the summary line already.
    try ReportOutput.deliver(
      text, to: output, summary: format == .text ? nil : report.summaryLine)
    // Exit with the site still alive: releasing it (every page of the tree, one object at a
    // time) took longer than writing the report (0.25 s of 3.7 on 66,000 files). So for
    // what was built from it: the rules' resolved references, the translation pairs.
    withExtendedLifetime((site, context, localization, discovery)) {}
    Glibc.exit(result.errors > 0 ? 1 : 0)
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
