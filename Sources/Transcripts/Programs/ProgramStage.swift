import DocModel
import DocSite
import Foundation

/// Runs the code the docs show on a pivot (`runner: python` scenarios) and compares what it
/// prints with the golden output: `reference-failed` (with the traceback's tail) when it
/// fails, `transcript-drift` at the program when it prints something else.
public struct ProgramStage: Sendable {
  public var runner: ProgramRunner

  public init(runner: ProgramRunner = ProgramRunner()) {
    self.runner = runner
  }

  /// What the stage found, and the programs it ran.
  public struct Result: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var programs: [Proof.Run] = []
  }

  /// Checks every `runner: python` scenario's programs. `preparing` is told (with the
  /// requirements) before a Python environment is made, which takes a while the first time.
  public func check(
    _ site: Site, preparing: (@Sendable (String) -> Void)? = nil
  ) async -> Result {
    var proofs: [Proof.Run] = []
    let configuration = site.configuration
    let store = GoldenStore(site: site)
    let normalizer = Normalizer(configuration: configuration)
    var diagnostics: [Diagnostic] = []
    for scenario in configuration.scenarios where scenario.runner == .python {
      guard let pivot = scenario.pivot else { continue }
      let programs = ProgramExtractor.programs(language: "python", pivot: pivot, site: site)
      guard !programs.isEmpty else {
        diagnostics.append(
          Diagnostic(
            rule: .referenceFailed, severity: .error, path: Configuration.fileName,
            line: scenario.line,
            message: "scenario '\(scenario.name)' finds no Python code on pivot '\(pivot)'",
            notes: [
              "mark the program's blocks with <!-- docproof: program python -->, or use ```python blocks"
            ]))
        continue
      }
      let environment: PythonEnvironment
      do {
        environment = try await PythonEnvironment.prepare(
          requirements: scenario.requirements, interpreter: scenario.interpreter ?? "python3",
          projectRoot: store.projectRoot, runner: runner,
          creating: {
            preparing?(
              "scenario '\(scenario.name)': creating its Python environment (first run): "
                + "pip install \(scenario.requirements.joined(separator: " "))")
          })
      } catch {
        diagnostics.append(
          Diagnostic(
            rule: .referenceFailed, severity: .error, path: Configuration.fileName,
            line: scenario.line,
            message: "scenario '\(scenario.name)' could not prepare Python: \(error.description)"))
        continue
      }
      let compared = configuration.scenario(scenario.compareWith ?? scenario.name) ?? scenario
      let goldenPath = store.reportPath(compared, site: site)
      let golden = try? store.read(compared)

      // Each distinct program runs once; translations usually share the English code.
      var outcomes: [String: (ProgramRun, String?)] = [:]
      for program in programs {
        let firstRun = outcomes[program.source] == nil
        if firstRun {
          outcomes[program.source] = await run(program, scenario, environment, store)
        }
        let (run, failure) = outcomes[program.source]!
        var proof = Proof.Run(
          name: "\(scenario.name): \(site.displayPath(program.file)):\(program.line)",
          runner: "python",
          seconds: firstRun ? run.duration.seconds : nil, result: .passed)
        defer { proofs.append(proof) }
        if let failure {
          proof.result = .failed
          proof.detail = failure
          let tail = run.stderrTail()
          diagnostics.append(
            Diagnostic(
              rule: .referenceFailed, severity: .error, path: program.file, line: program.line,
              message: "the Python program on pivot '\(pivot)' \(failure)",
              notes: (tail.isEmpty ? [] : ["its output ends with:\n" + tail])
                + [
                  "scenario '\(scenario.name)', run with \(scenario.requirements.joined(separator: " "))"
                ]))
          continue
        }
        guard let golden else { continue }
        let actual = normalizer.normalize(String(decoding: run.stdout, as: UTF8.self))
        let expected = normalizer.normalize(golden)
        guard actual != expected else { continue }
        proof.result = .differs
        proof.detail = "it prints something else than \(goldenPath)"
        diagnostics.append(
          Diagnostic(
            rule: .transcriptDrift, severity: .error, path: program.file, line: program.line,
            message:
              "the Python program on pivot '\(pivot)' prints something else than \(goldenPath)",
            notes: [
              UnifiedDiff(old: expected, new: actual).render(
                oldLabel: goldenPath, newLabel: "output of the program in \(program.file)")
            ]))
      }
    }
    return Result(diagnostics: diagnostics, programs: proofs)
  }

  private func run(
    _ program: DocsProgram, _ scenario: Configuration.Scenario, _ environment: PythonEnvironment,
    _ store: GoldenStore
  ) async -> (ProgramRun, String?) {
    let folder = PythonEnvironment.cacheFolder(projectRoot: store.projectRoot) + "/programs"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file =
      folder
      + "/\(PythonEnvironment.key(interpreter: "program", requirements: [program.source])).py"
    do {
      try AtomicFile.write(Data(program.source.utf8), to: file)
    } catch {
      let run = ProgramRun(
        outcome: .failedToStart("cannot write \(file)"), stdout: [], stderr: [],
        stdoutTruncated: false, stderrTruncated: false, duration: .zero)
      return (run, "could not be written to \(file)")
    }
    var adHoc = scenario
    adHoc.runner = .command
    adHoc.command = [environment.python, file]
    adHoc.workingDirectory = "."
    let run = await ScenarioExecutor(runner: runner).run(adHoc, projectRoot: store.projectRoot)
    return (run, TranscriptStage.failure(of: run))
  }
}
