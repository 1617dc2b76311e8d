import ArgumentParser
import CheckPipeline
import Checks
import DocModel
import DocSite
import Foundation
import ProcessRunner
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

  @OptionGroup var tree: TreeArgument

  @Option(help: "The report's format; github writes annotations for GitHub Actions.")
  var format: ReportFormat = .text

  @OptionGroup var scope: ReportScope

  @Option(
    help: ArgumentHelp(
      "When to color the text report; auto colors a terminal unless NO_COLOR is set, and a pipe when FORCE_COLOR is.",
      valueName: "when"))
  var color: ColorChoice = .auto

  @Flag(help: "Also check external links over the network.")
  var external = false

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
      "With --changed-since: neither read nor write the reference cache (ROOT/.docproof-cache/references-v3.bin)."
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
    var request = CheckRequest(root: try tree.root())
    if let shard {
      guard let parsed = Shard(shard) else {
        throw ToolFailure("--shard '\(shard)' is not I/N with 1 <= I <= N (for example 2/4)")
      }
      request.shard = parsed
    }
    request.external = external
    request.locales = scope.locales
    request.changedSince = changedSince
    request.useReferenceCache = !noCache
    request.runScenarios = !noRun
    request.fix = fix ? (dryRun ? .dryRun : .write) : .none
    let progress = ProgressLine()
    let outcome: CheckOutcome
    do {
      outcome = try await CheckPipeline.run(request) { event in
        switch event {
        case .progress(let message): progress.update(message)
        case .note(let message):
          progress.finish()
          FileHandle.standardError.write(Data("docproof: \(message)\n".utf8))
        }
      }
    } catch {
      progress.finish()
      throw error
    }
    progress.finish()
    if fix { Self.tell(outcome, dryRun: dryRun) }
    var report = outcome.report
    report.toolVersion = Version.number
    let text = try format.reporter(color: color.enabled(toFile: scope.output != nil)).render(report)
    // A text report ends with the summary line already.
    try ReportOutput.deliver(
      text, to: scope.output, summary: format == .text ? nil : report.summaryLine)
    // After the report: a summary that cannot be written loses nothing else.
    try StepSummary.append(report)
    // The parsed tree is kept to the exit: freeing it, one page at a time, takes longer
    // than writing the report.
    ProcessReaper.keepUntilExit(outcome.retained)
    if outcome.errors > 0 { throw ExitCode.failure }
  }

  /// Says on standard error what `--fix` changed, or would change, or why nothing.
  static func tell(_ outcome: CheckOutcome, dryRun: Bool) {
    for change in outcome.fixes {
      FileHandle.standardError.write(
        Data(
          "docproof: \(dryRun ? "would fix" : "fixed") \(change.file):\(change.line) (\(change.what))\n\(change.diff)"
            .utf8))
    }
    guard outcome.fixes.isEmpty, outcome.fixFailures == 0 else { return }
    let held = outcome.fixesHeld
    FileHandle.standardError.write(
      Data(
        (held == 0
          ? "docproof: nothing to fix\n"
          : "docproof: nothing fixed: \(held) drifting transcript\(held == 1 ? "" : "s") would be written from a golden file this run showed wrong (see their notes)\n")
          .utf8))
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
