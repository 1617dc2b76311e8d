import ArgumentParser
import CheckPipeline
import Checks
import DocModel
import DocSite
import Foundation
import ProcessRunner
import Transcripts

/// `docproof golden update|check [SCENARIO ...]`: the golden transcripts.
struct GoldenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "golden",
    abstract: "Regenerate or verify the golden transcripts of scenarios.",
    subcommands: [
      Update.self, Check.self, Pending.self, Review.self, Accept.self, Reject.self,
    ])

  struct Options: ParsableArguments {
    @Option(
      name: .customLong("root"),
      help: "The tree whose docproof.yml defines the scenarios (default: as for check).")
    var givenRoot: String?

    @Argument(help: "Scenarios (default: all).")
    var scenarios: [String] = []

    /// The tree named, or the one found in the working folder.
    func root() throws -> String { try Site.rootForCommand(givenRoot) }

    func load() async throws -> (Site, [DocSite.Configuration.Scenario]) {
      // Nothing the scenarios start outlives them, or this run.
      ProcessReaper.takeCharge()
      let root = try root()
      return try select(in: try await Site.loadForCommand(root), root: root)
    }

    /// The configuration and the scenarios selected, without parsing the pages: for the
    /// commands that only look at files beside the golden ones.
    func scan() throws -> (Site, [DocSite.Configuration.Scenario]) {
      let root = try root()
      return try select(in: try Site.scanForCommand(root), root: root)
    }

    private func select(in site: Site, root: String) throws -> (
      Site, [DocSite.Configuration.Scenario]
    ) {
      switch GoldenUpdater.select(scenarios, in: site) {
      case .success(let selected):
        guard !selected.isEmpty else {
          throw ToolFailure("\(root)/docproof.yml defines no scenarios")
        }
        return (site, selected)
      case .failure(let error):
        throw ToolFailure(error.description)
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run scenarios and write their golden files (atomically), showing what changed.")

    @OptionGroup var options: Options

    @Flag(help: "Print what would change, and write nothing.")
    var dryRun = false

    @Flag(
      help: ArgumentHelp(
        "Write each changed output beside its golden file (FILE.new) to review, not in place.",
        discussion: "Then 'docproof golden review', or 'accept' / 'reject' all at once."))
    var pending = false

    @Flag(help: "Write even when CI is set (refused there otherwise).")
    var writeInCi = false

    func validate() throws {
      if dryRun, pending {
        throw ValidationError(
          "--dry-run writes nothing and --pending writes pending results: choose one")
      }
    }

    func run() async throws {
      if !dryRun, !pending { try CIWriteGuard.check("golden update", allowed: writeInCi) }
      let (site, scenarios) = try await options.load()
      let mode: GoldenUpdater.Mode = dryRun ? .dryRun : pending ? .pending : .write
      var failed = false
      var written = 0
      for scenario in scenarios {
        let label = GoldenStore(site: site).reportPath(scenario, site: site)
        switch try await GoldenUpdater().process(scenario, site: site, mode: mode) {
        case .unchanged:
          print("docproof: \(label) is up to date")
        case .updated(let diff):
          print(diff, terminator: "")
          written += 1
          switch mode {
          case .dryRun: print("docproof: would write \(label)")
          case .pending: print("docproof: wrote \(label)\(GoldenStore.pendingSuffix) (pending)")
          case .write, .check: print("docproof: wrote \(label)")
          }
        case .failed(let reason, let tail):
          failed = true
          FileHandle.standardError.write(
            Data(
              "docproof: scenario '\(scenario.name)' \(reason); \(label) was not changed\n\(tail)"
                .utf8))
        case .stale, .missing:
          break
        }
      }
      if mode == .pending, written > 0 {
        print(
          "docproof: \(written) pending result\(written == 1 ? "" : "s"): review with 'docproof golden review', or 'docproof golden accept' / 'reject'"
        )
      }
      if failed { throw ExitCode(1) }
    }
  }

  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run scenarios and report golden files that are stale or missing.")

    @OptionGroup var options: Options

    func run() async throws {
      let (site, scenarios) = try await options.load()
      var problems = 0
      for scenario in scenarios {
        let label = GoldenStore(site: site).reportPath(scenario, site: site)
        switch try await GoldenUpdater().process(scenario, site: site, mode: .check) {
        case .unchanged:
          print("docproof: \(label) matches the output of '\(scenario.name)'")
        case .stale(let diff):
          problems += 1
          print(
            "\(label):1:1: error: the output of scenario '\(scenario.name)' differs from its golden file [golden-stale]"
          )
          print(diff, terminator: "")
        case .missing:
          problems += 1
          print(
            "\(label):1:1: error: scenario '\(scenario.name)' has no golden file [golden-missing]")
        case .failed(let reason, let tail):
          problems += 1
          print(
            "docproof.yml:\(scenario.line):1: error: scenario '\(scenario.name)' \(reason) [reference-failed]"
          )
          if !tail.isEmpty { print(tail) }
        case .updated:
          break
        }
      }
      if problems > 0 { throw ExitCode(1) }
    }
  }
}

/// `docproof run SCENARIO`: run one scenario against the emulator and print its output.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run one scenario (with the emulator if it uses one) and print its output.")

  @Option(
    name: .customLong("root"),
    help: "The tree whose docproof.yml defines the scenarios (default: as for check).")
  var givenRoot: String?

  @Argument(help: "The scenario.")
  var scenario: String

  func run() async throws {
    // Nothing the scenario starts outlives it, or this run.
    ProcessReaper.takeCharge()
    let root = try Site.rootForCommand(givenRoot)
    let site = try await Site.loadForCommand(root)
    if let docs = site.configuration.scenario(scenario), docs.runner != .command {
      throw ToolFailure(
        "scenario '\(scenario)' runs the code shown on pivot '\(docs.pivot ?? "")': "
          + "'docproof check \(root)' runs it and reports what it finds")
    }
    let chosen: DocSite.Configuration.Scenario
    switch GoldenUpdater.select([scenario], in: site) {
    case .success(let selected): chosen = selected[0]
    case .failure(let error): throw ToolFailure(error.description)
    }
    let run = await ScenarioExecutor().run(chosen, projectRoot: GoldenStore(site: site).projectRoot)
    FileHandle.standardOutput.write(Data(run.stdout))
    FileHandle.standardError.write(Data(run.stderr))
    if case .failedToStart(let reason) = run.outcome {
      throw ToolFailure("scenario '\(scenario)' could not start: \(reason)")
    }
    // A run that timed out, was cut off or failed says so: never a silent status 0.
    if let failure = run.failure {
      FileHandle.standardError.write(Data("docproof: scenario '\(scenario)' \(failure)\n".utf8))
      throw ExitCode(1)
    }
  }
}
