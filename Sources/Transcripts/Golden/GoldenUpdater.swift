import DocModel
import DocSite

/// `docproof golden update` and `golden check`: run scenarios and compare (or replace)
/// their golden files.
public struct GoldenUpdater: Sendable {
  /// What happened to one scenario.
  public enum Outcome: Sendable, Equatable {
    case unchanged
    /// Written (or, in a dry run, to be written); the diff of the old (or empty) file
    /// against the new one.
    case updated(diff: String)
    /// Differs (for `check`); the diff of the golden file against the output.
    case stale(diff: String)
    case missing
    /// The program failed: nothing written.
    case failed(reason: String, stderrTail: String)
  }

  public var executor: ScenarioExecutor

  public init(executor: ScenarioExecutor = ScenarioExecutor()) {
    self.executor = executor
  }

  /// The scenarios named (all when none), or the names that do not exist.
  public static func select(_ names: [String], in site: Site) -> Result<
    [Configuration.Scenario], UnknownScenario
  > {
    // Scenarios that run docs code compare with another scenario's golden file.
    let all = site.configuration.scenarios.filter { $0.runner == .command }
    guard !names.isEmpty else { return .success(all) }
    var selected: [Configuration.Scenario] = []
    for name in names {
      guard let scenario = all.first(where: { $0.name == name }) else {
        return .failure(UnknownScenario(name: name, known: all.map(\.name)))
      }
      selected.append(scenario)
    }
    return .success(selected)
  }

  /// A scenario name that docproof.yml does not define.
  public struct UnknownScenario: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var known: [String]
    public var description: String {
      var text = "no scenario '\(name)' in docproof.yml"
      if let suggestion = Suggestion.closest(to: name, in: known) {
        text += " (did you mean '\(suggestion)'?)"
      } else if !known.isEmpty {
        text += " (scenarios: \(known.joined(separator: ", ")))"
      }
      return text
    }
  }

  /// What `process` does with a scenario's output.
  public enum Mode: Sendable, Equatable {
    /// Compare with the golden file (`golden check`).
    case check
    /// Replace the golden file when the output changed.
    case write
    /// Say what `write` would change, and write nothing.
    case dryRun
    /// Write the output beside the golden file as a pending result to review
    /// (`golden review`, `accept`, `reject`); an unchanged output removes a pending result
    /// left from before.
    case pending
  }

  /// Runs a scenario and does with its output what `mode` says.
  public func process(_ scenario: Configuration.Scenario, site: Site, mode: Mode) async throws
    -> Outcome
  {
    let store = GoldenStore(site: site)
    let run = await executor.run(scenario, projectRoot: store.projectRoot)
    if let failure = run.failure {
      return .failed(reason: failure, stderrTail: run.stderrTail())
    }
    let output = String(decoding: run.stdout, as: UTF8.self)
    let old = try store.read(scenario)
    let label = store.reportPath(scenario, site: site)
    guard mode == .check else {
      guard old != output else {
        if mode == .pending { try store.rejectPending(scenario) }
        return .unchanged
      }
      switch mode {
      case .write: try store.write(output, for: scenario)
      case .pending: try store.writePending(output, for: scenario)
      case .check, .dryRun: break
      }
      return .updated(diff: Self.diff(old: old, new: output, label: label))
    }
    guard let old else { return .missing }
    let normalizer = Normalizer(configuration: site.configuration)
    let expected = normalizer.normalize(old)
    let actual = normalizer.normalize(output)
    guard expected != actual else { return .unchanged }
    return .stale(
      diff: UnifiedDiff(old: expected, new: actual).render(
        oldLabel: label, newLabel: "output of \(scenario.name)"))
  }

  /// The diff of a golden file (`nil`: none yet) against the text that replaces it.
  public static func diff(old: String?, new: String, label: String) -> String {
    UnifiedDiff(
      old: old.map { Normalizer.lines(of: $0) } ?? [], new: Normalizer.lines(of: new)
    ).render(oldLabel: old == nil ? "/dev/null" : label, newLabel: label)
  }
}
