import DocModel
import DocSite
import Foundation
import ProcessRunner

/// Runs the code the docs show on a pivot (`runner: python`, `node` and `java` scenarios)
/// and compares what it prints with the golden output: `reference-failed` (with the end of
/// its error output) when it fails, `transcript-drift` at the program when it prints
/// something else, `program-not-run` (a note, counted in the summary) when its runtime or
/// its package registry is not there.
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

  /// How a runner runs a program: the command before the program's file, the file's
  /// extension, the environment, and where the file goes.
  struct Launch {
    var command: [String]
    var fileExtension: String
    var environment: [String: String] = [:]
    var folder: String
  }

  /// Checks every docs-code scenario's programs. `preparing` is told before an environment
  /// is made (pip or npm install), which takes a while the first time.
  public func check(
    _ site: Site, preparing: (@Sendable (String) -> Void)? = nil
  ) async -> Result {
    var proofs: [Proof.Run] = []
    let configuration = site.configuration
    let store = GoldenStore(site: site)
    let normalizer = Normalizer(configuration: configuration)
    var diagnostics: [Diagnostic] = []
    for scenario in configuration.scenarios where scenario.runner.runsDocsCode {
      guard let pivot = scenario.pivot else { continue }
      let language = Self.language(scenario.runner)
      let programs = ProgramExtractor.programs(
        language: language.marker, pivot: pivot, site: site, pages: scenario.pages)
      guard !programs.isEmpty else {
        diagnostics.append(
          ReferenceFailed.finding(
            Configuration.fileName,
            line: scenario.line,
            "scenario '\(scenario.name)' finds no \(language.name) code on pivot '\(pivot)'"
              + (scenario.pages.map { " in pages \($0)" } ?? ""),
            notes: [
              "mark the program's blocks with <!-- docproof: program \(language.marker) -->, or use ```\(language.marker) blocks"
            ]))
        continue
      }
      let launch: Launch
      switch await prepare(scenario, store: store, preparing: preparing) {
      case .success(let prepared):
        launch = prepared
      case .failure(let reason):
        // Not there to run: a note, counted in the summary; never a silent pass.
        diagnostics.append(
          ProgramNotRun.finding(
            Configuration.fileName,
            line: scenario.line,
            "scenario '\(scenario.name)' did not run the \(language.name) code on pivot '\(pivot)': \(reason.reason)",
            notes: reason.output.isEmpty ? [] : ["it printed:\n" + reason.output]))
        proofs += programs.map {
          Proof.Run(
            name: "\(scenario.name): \(site.displayPath($0.file)):\($0.line)",
            runner: scenario.runner.rawValue, seconds: nil, result: .notRun,
            detail: reason.reason)
        }
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
          outcomes[program.source] = await run(program, scenario, launch, store)
        }
        let (run, failure) = outcomes[program.source]!
        var proof = Proof.Run(
          name: "\(scenario.name): \(site.displayPath(program.file)):\(program.line)",
          runner: scenario.runner.rawValue,
          seconds: firstRun ? run.duration.seconds : nil, result: .passed)
        defer { proofs.append(proof) }
        if let failure {
          proof.result = .failed
          proof.detail = failure
          let tail = run.stderrTail()
          diagnostics.append(
            ReferenceFailed.finding(
              program.file, line: program.line,
              "the \(language.name) program on pivot '\(pivot)' \(failure)",
              notes: (tail.isEmpty ? [] : ["its output ends with:\n" + tail])
                + [
                  "scenario '\(scenario.name)'"
                    + (scenario.requirements.isEmpty
                      ? "" : ", run with \(scenario.requirements.joined(separator: " "))")
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
          TranscriptDrift.finding(
            program.file, line: program.line,
            "the \(language.name) program on pivot '\(pivot)' prints something else than \(goldenPath)",
            notes: [
              UnifiedDiff(old: expected, new: actual).render(
                oldLabel: goldenPath, newLabel: "output of the program in \(program.file)")
            ]))
      }
    }
    return Result(diagnostics: diagnostics, programs: proofs)
  }

  /// The marker and info-string name of a runner's language, and its name in messages.
  static func language(_ runner: Configuration.Scenario.Runner) -> (marker: String, name: String) {
    switch runner {
    case .node: ("javascript", "JavaScript")
    case .java: ("java", "Java")
    case .python, .command: ("python", "Python")
    }
  }

  /// Why a program could not be run here.
  struct NotRun: Error {
    /// The reason, on one line, then what the tool printed (its last lines).
    var description: String

    var reason: String { String(description.prefix { $0 != "\n" }) }
    var output: String {
      description.drop { $0 != "\n" }.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  /// Makes what a scenario's programs need: a Python environment with its requirements,
  /// a folder with its npm packages, or the JDK alone.
  func prepare(
    _ scenario: Configuration.Scenario, store: GoldenStore,
    preparing: (@Sendable (String) -> Void)?
  ) async -> Swift.Result<Launch, NotRun> {
    let cache = store.projectRoot + "/.docproof-cache"
    switch scenario.runner {
    case .python, .command:
      do {
        let environment = try await PythonEnvironment.prepare(
          requirements: scenario.requirements, interpreter: scenario.interpreter ?? "python3",
          projectRoot: store.projectRoot, runner: runner,
          creating: {
            preparing?(
              "scenario '\(scenario.name)': creating its Python environment (first run): "
                + "pip install \(scenario.requirements.joined(separator: " "))")
          })
        return .success(
          Launch(
            command: [environment.python], fileExtension: "py",
            folder: PythonEnvironment.cacheFolder(projectRoot: store.projectRoot) + "/programs"))
      } catch {
        return .failure(NotRun(description: "Python could not be prepared: \(error.description)"))
      }
    case .node:
      let interpreter = scenario.interpreter ?? "node"
      guard let node = Self.onPath(interpreter) else {
        return .failure(
          NotRun(
            description: "Node.js is not installed ('\(interpreter)' is not an executable here)"))
      }
      do {
        let folder = try await NodeEnvironment.prepare(
          requirements: scenario.requirements, cache: cache + "/node", runner: runner,
          creating: {
            preparing?(
              "scenario '\(scenario.name)': installing its npm packages (first run): "
                + "npm install \(scenario.requirements.joined(separator: " "))")
          })
        // The program sits beside node_modules, where require and import look.
        return .success(Launch(command: [node], fileExtension: "js", folder: folder))
      } catch {
        return .failure(NotRun(description: error.description))
      }
    case .java:
      let interpreter = scenario.interpreter ?? "java"
      guard let java = Self.onPath(interpreter) else {
        return .failure(
          NotRun(description: "no JDK is installed ('\(interpreter)' is not an executable here)"))
      }
      guard scenario.requirements.isEmpty else {
        return .failure(
          NotRun(
            description:
              "it needs \(scenario.requirements.joined(separator: " ")), and this runner runs Java programs that need only the JDK (a single source file, as 'java Program.java' runs it)"
          ))
      }
      return .success(Launch(command: [java], fileExtension: "java", folder: cache + "/java"))
    }
  }

  /// The absolute path of an executable named or found on `PATH`.
  static func onPath(_ name: String) -> String? {
    if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  private func run(
    _ program: DocsProgram, _ scenario: Configuration.Scenario, _ launch: Launch,
    _ store: GoldenStore
  ) async -> (ProgramRun, String?) {
    try? FileManager.default.createDirectory(
      atPath: launch.folder, withIntermediateDirectories: true)
    // An ES module (import/export at the top level) needs .mjs under Node.js.
    let isModule =
      launch.fileExtension == "js"
      && program.source.split(separator: "\n").contains {
        $0.hasPrefix("import ") || $0.hasPrefix("export ")
      }
    let file =
      launch.folder
      + "/program-\(StableHash.key(["program", program.source])).\(isModule ? "mjs" : launch.fileExtension)"
    do {
      try AtomicFile.write(Data(program.source.utf8), to: file)
    } catch {
      let run = ProgramRun.failedToStart("cannot write \(file)")
      return (run, "could not be written to \(file)")
    }
    var adHoc = scenario
    adHoc.command = launch.command + [file]
    adHoc.workingDirectory = "."
    adHoc.environment.merge(launch.environment) { $1 }
    let run = await ScenarioExecutor(runner: runner).run(adHoc, projectRoot: store.projectRoot)
    return (run, run.failure)
  }
}
