import DocModel
import DocSite
import ProcessRunner

/// The transcript part of `docproof check`: each scenario runs once, its output is compared
/// with its golden file, and every transcript of it, on every pivot and in every locale,
/// is compared with the golden file after normalization.
public struct TranscriptStage: Sendable {
  public var executor: ScenarioExecutor
  /// Run the scenarios (false with `--no-run`: transcripts are compared with golden files
  /// only).
  public var runScenarios: Bool

  public init(executor: ScenarioExecutor = ScenarioExecutor(), runScenarios: Bool = true) {
    self.executor = executor
    self.runScenarios = runScenarios
  }

  /// What the stage found.
  public struct Result: Sendable {
    public var diagnostics: [Diagnostic]
    /// Transcript blocks that differ from their golden file, with the golden text (for
    /// `--fix`).
    public var drifts: [(block: TranscriptBlock, golden: String)]
    /// Scenarios whose golden file this run showed wrong or could not confirm (its program
    /// failed, or its output differs): `--fix` must not write their transcripts from it.
    public var unsafe: [String: String] = [:]
    /// The findings of running the scenarios (failures, stale golden files), which a check
    /// after `--fix` (made without running them again) still reports.
    public var runFindings: [Diagnostic] = []
    /// The scenarios run and the transcripts compared.
    public var scenarios: [Proof.Run] = []
    public var comparisons: [Proof.Comparison] = []
  }

  public func check(_ site: Site, discovery: TranscriptDiscovery) async -> Result {
    let configuration = site.configuration
    let store = GoldenStore(site: site)
    let normalizer = Normalizer(configuration: configuration)
    var diagnostics = discovery.diagnostics
    var drifts: [(block: TranscriptBlock, golden: String)] = []
    var unsafe: [String: String] = [:]
    var runFindings: [Diagnostic] = []
    var scenarios: [Proof.Run] = []
    var comparisons: [Proof.Comparison] = []
    let blocksByScenario = Dictionary(grouping: discovery.blocks, by: \.scenario)
    let occurrencesByBlock = Dictionary(grouping: discovery.occurrences) {
      "\($0.block.file):\($0.block.line)"
    }

    for scenario in configuration.scenarios where scenario.runner == .command {
      let goldenPath = store.reportPath(scenario, site: site)
      var golden: String?
      do {
        golden = try store.read(scenario)
        if golden == nil {
          diagnostics.append(
            GoldenMissing.finding(
              goldenPath, line: 1,
              "scenario '\(scenario.name)' has no golden file",
              notes: ["create it with: docproof golden update \(scenario.name)"]))
        }
      } catch {
        // Reported, and the scenario still runs: its own failure is worth knowing too.
        diagnostics.append(
          GoldenMissing.finding(
            goldenPath, line: 1,
            "cannot read the golden file of scenario '\(scenario.name)': \(error)"))
        golden = nil
      }

      if !runScenarios {
        scenarios.append(
          Proof.Run(name: scenario.name, runner: "command", seconds: nil, result: .notRun))
      } else {
        let run = await executor.run(scenario, projectRoot: store.projectRoot)
        var proof = Proof.Run(
          name: scenario.name, runner: "command", seconds: run.duration.seconds, result: .passed)
        defer { scenarios.append(proof) }
        if let failure = run.failure {
          proof.result = .failed
          proof.detail = failure
          var notes: [String] = []
          let tail = run.stderrTail()
          if !tail.isEmpty { notes.append("standard error ends with:\n" + tail) }
          notes.append("command: \(scenario.command.joined(separator: " "))")
          unsafe[scenario.name] = "the run \(failure)"
          let finding = ReferenceFailed.finding(
            Configuration.fileName,
            line: scenario.line, "scenario '\(scenario.name)' \(failure)", notes: notes)
          runFindings.append(finding)
          diagnostics.append(finding)
        } else if let golden {
          let output = String(decoding: run.stdout, as: UTF8.self)
          let actual = normalizer.normalize(output)
          let expected = normalizer.normalize(golden)
          if actual != expected {
            proof.result = .differs
            proof.detail = "its output differs from \(goldenPath)"
            let diff = UnifiedDiff(old: expected, new: actual).render(
              oldLabel: goldenPath, newLabel: "output of \(scenario.name)")
            unsafe[scenario.name] = "its output differs from \(goldenPath)"
            let finding = GoldenStale.finding(
              goldenPath, line: 1,
              "the output of scenario '\(scenario.name)' differs from its golden file",
              notes: [diff, "if the change is intended: docproof golden update \(scenario.name)"])
            runFindings.append(finding)
            diagnostics.append(finding)
          }
        }
      }

      guard let golden else { continue }
      let expected = normalizer.normalize(golden)
      for block in blocksByScenario[scenario.name] ?? [] {
        if let expectation = block.expectation {
          // An Innovation Engine result block: compared as `ie test` compares it.
          let finding = Self.resultMismatch(
            block, expectation, output: golden, scenario: scenario.name, goldenPath: goldenPath)
          if let finding { diagnostics.append(finding) }
          comparisons.append(
            Proof.Comparison(
              path: block.file, line: block.line, scenario: scenario.name, matched: finding == nil))
          continue
        }
        let shown = normalizer.normalize(block.text)
        let matched = TranscriptMatcher.matches(expected: shown, actual: expected)
        comparisons.append(
          Proof.Comparison(
            path: block.file, line: block.line, scenario: scenario.name, matched: matched))
        guard !matched else { continue }
        drifts.append((block, golden))
        let diff = UnifiedDiff(old: shown, new: expected, equal: TranscriptMatcher.lineMatches)
          .render(oldLabel: block.file, newLabel: goldenPath, oldStart: block.line + 1)
        let places = (occurrencesByBlock["\(block.file):\(block.line)"] ?? []).map { occurrence in
          "shown on \(occurrence.page)"
            + (occurrence.pivots.isEmpty ? "" : " for \(occurrence.pivots.joined(separator: ", "))")
        }
        diagnostics.append(
          TranscriptDrift.finding(
            block.file, line: block.line,
            "this transcript of '\(scenario.name)' differs from \(goldenPath)",
            notes: [diff] + places + ["'docproof check --fix' rewrites it from the golden file"]))
      }
    }
    return Result(
      diagnostics: diagnostics, drifts: drifts, unsafe: unsafe, runFindings: runFindings,
      scenarios: scenarios, comparisons: comparisons)
  }

  /// A finding when an Innovation Engine result block's expectation is not met by the
  /// scenario's output (its golden file), as `ie test` judges: similarity at least the
  /// threshold (Jaro-Winkler; Jaro on canonical JSON for `json` blocks), or a match of the
  /// regular expression.
  static func resultMismatch(
    _ block: TranscriptBlock, _ expectation: ResultExpectation, output: String, scenario: String,
    goldenPath: String
  ) -> Diagnostic? {
    let json = block.language?.lowercased() == "json"
    let (passes, score) = expectation.evaluate(expected: block.text, output: output, json: json)
    guard !passes else { return nil }
    let message: String
    switch expectation {
    case .regex(let pattern):
      message = "the output of '\(scenario)' has no match for this result block's \"\(pattern)\""
    case .similarity(let threshold):
      let found = score.map { String(format: "%.2f", $0) } ?? "0"
      message =
        "this result block is \(found) similar to the output of '\(scenario)'"
        + (json ? " (as JSON)" : "") + ", below its expected_similarity=\(threshold)"
    }
    var notes = ["the output is \(goldenPath); Innovation Engine would fail this step"]
    if let answers = block.answers {
      notes.insert("it answers the command on line \(answers)", at: 0)
    }
    return TranscriptDrift.finding(
      block.file, line: block.line,
      message, notes: notes)
  }

}
