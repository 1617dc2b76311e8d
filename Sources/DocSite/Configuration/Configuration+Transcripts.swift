import DocModel

extension Configuration {
  /// How a scenario's program runs.
  public struct Scenario: Sendable, Hashable {
    /// Whether docproof starts the Identity emulator for the run (always deterministic).
    public enum Emulator: String, Sendable, Hashable {
      case none, plain, tls
    }

    /// Where a scenario's program comes from.
    public enum Runner: String, Sendable, Hashable {
      /// `command`: a program of the project (the reference implementation).
      case command
      /// The Python code shown on a pivot of the docs, run with the packages it needs.
      case python
      /// The JavaScript code shown on a pivot, run with Node.js (packages from npm).
      case node
      /// The Java code shown on a pivot, run as a single source file with the JDK.
      case java

      /// Whether the program comes from the docs rather than a command.
      public var runsDocsCode: Bool { self != .command }
    }

    public var name: String
    public var runner = Runner.command
    /// The program and its arguments. A relative program path is relative to the working
    /// directory; a bare name is looked up on `PATH`.
    public var command: [String]
    /// For a docs runner: the pivot whose code is run.
    public var pivot: String?
    /// For a docs runner: a glob over the pages (relative to the root) whose code is run;
    /// every page when `nil`.
    public var pages: String?
    /// For a docs runner: the packages to install (pip requirement specifiers).
    public var requirements: [String] = []
    /// For a docs runner: the scenario whose golden file the output must match (default:
    /// this scenario's own).
    public var compareWith: String?
    /// The line of `compareWith`, for the error when it names no scenario.
    public var compareWithLine = 1
    /// For a docs runner: the interpreter that creates the environment (default `python3`).
    public var interpreter: String?
    /// Relative to the project root.
    public var workingDirectory = "."
    public var environment: [String: String] = [:]
    public var timeoutSeconds = 120.0
    public var emulator = Emulator.plain
    /// The golden file, relative to the project root.
    public var golden: String
    /// The line of the scenario in docproof.yml, for findings about it.
    public var line = 1

    public init(name: String, command: [String]) {
      self.name = name
      self.command = command
      self.golden = "golden/\(name).txt"
    }
  }

  /// Selects transcript blocks in trees that cannot carry `docproof: transcript` markers.
  public struct TranscriptSelector: Sendable, Hashable {
    public var scenario: String
    /// A glob over the path of the file holding the block (relative to the root).
    public var files: String
    /// The first word of the block's info string (`console`), when set.
    public var info: String?
    /// A regular expression the paragraph before the block must match, when set.
    public var lead: String?
    /// A regular expression the block's text must match, when set.
    public var contains: String?
    /// Where the selector is in docproof.yml.
    public var line = 1
  }

  /// Reads the sections issue 6 adds: `project`, `scenarios`, `transcripts`, `normalize`.
  static func transcriptSection(
    _ key: String, _ value: YAMLReader, into configuration: inout Configuration
  ) throws(ConfigurationError) {
    switch key {
    case "project":
      let path = try value.string()
      guard !path.hasPrefix("/"), path.split(separator: "/").allSatisfy({ $0 == ".." || $0 == "." })
      else {
        throw value.error(
          "'\(path)' must be the root itself ('.') or a folder above it ('..', '../..')")
      }
      configuration.project = path.isEmpty ? "." : path
    case "scenarios":
      for (name, body) in try value.dictionary() {
        configuration.scenarios.append(try scenario(name, body))
      }
      configuration.scenarios.sort { $0.name < $1.name }
    case "transcripts":
      for item in try value.list() {
        configuration.transcriptSelectors.append(try selector(item))
      }
    case "normalize":
      for item in try value.list() {
        var name: String?
        var pattern: String?
        for (field, setting) in try item.mapping(allowed: Keys.normalize) {
          if field == "name" { name = try setting.string() }
          if field == "pattern" { pattern = try regex(setting) }
        }
        guard let name, let pattern, !name.isEmpty,
          name.allSatisfy({
            $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-" || $0 == "_")
          })
        else {
          throw item.error(
            "a normalize rule needs a 'name' in capitals (REQUEST-ID) and a 'pattern'")
        }
        configuration.normalizeRules.append(NormalizeRule(name: name, pattern: pattern))
      }
    default:
      break
    }
  }

  private static func scenario(_ name: String, _ value: YAMLReader) throws(ConfigurationError)
    -> Scenario
  {
    guard !name.isEmpty,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    else { throw value.error("scenario names use letters, digits, '-' and '_'") }
    var scenario = Scenario(name: name, command: [])
    scenario.line = max(1, value.line - 1)
    for (key, setting) in try value.mapping(allowed: Keys.scenario) {
      switch key {
      case "command":
        scenario.command = try setting.stringList()
      case "workingDirectory":
        scenario.workingDirectory = try projectPath(setting)
      case "environment":
        for (variable, text) in try setting.dictionary() {
          scenario.environment[variable] = try text.string()
        }
      case "timeout":
        let seconds = try setting.double()
        guard seconds > 0, seconds <= 3600 else {
          throw setting.error("must be from 0 to 3600 seconds")
        }
        scenario.timeoutSeconds = seconds
      case "emulator":
        let mode = try setting.string()
        guard let emulator = Scenario.Emulator(rawValue: mode) else {
          throw setting.error("'\(mode)' is not an emulator mode: use none, plain or tls")
        }
        scenario.emulator = emulator
      case "golden":
        scenario.golden = try projectPath(setting)
      case "runner":
        let text = try setting.string()
        guard let runner = Scenario.Runner(rawValue: text) else {
          throw setting.error("'\(text)' is not a runner: use command, python, node or java")
        }
        scenario.runner = runner
      case "pivot":
        scenario.pivot = try setting.string()
      case "pages":
        scenario.pages = try setting.string()
      case "requirements":
        scenario.requirements = try setting.stringList()
      case "compareWith":
        scenario.compareWith = try setting.string()
        scenario.compareWithLine = setting.line
      case "interpreter":
        scenario.interpreter = try setting.string()
      default:
        break
      }
    }
    switch scenario.runner {
    case .command:
      guard let program = scenario.command.first, !program.isEmpty else {
        throw value.error("scenario '\(name)' needs a command")
      }
      if program.contains("/"), !program.hasPrefix("/"),
        RelativePath.resolve(program, from: scenario.workingDirectory) == nil
      {
        throw value.error(
          "scenario '\(name)': the program '\(program)' is outside the project; use a path "
            + "inside it, an absolute path, or a name looked up on PATH")
      }
    case .python, .node, .java:
      guard scenario.pivot != nil else {
        throw value.error(
          "scenario '\(name)' runs docs code: it needs the 'pivot' whose code to run")
      }
      guard scenario.command.isEmpty else {
        throw value.error("scenario '\(name)' takes its program from the docs: remove 'command'")
      }
    }
    return scenario
  }

  private static func selector(_ value: YAMLReader) throws(ConfigurationError) -> TranscriptSelector
  {
    var scenario: String?
    var selector = TranscriptSelector(scenario: "", files: "**")
    selector.line = value.line
    for (key, setting) in try value.mapping(allowed: Keys.selector) {
      switch key {
      case "scenario":
        scenario = try setting.string()
        selector.line = setting.line
      case "files": selector.files = try setting.string()
      case "info": selector.info = try setting.string()
      case "lead": selector.lead = try regex(setting)
      case "contains": selector.contains = try regex(setting)
      default: break
      }
    }
    guard let scenario else { throw value.error("a transcript selector needs a 'scenario'") }
    selector.scenario = scenario
    return selector
  }

  private static func regex(_ value: YAMLReader) throws(ConfigurationError) -> String {
    let pattern = try value.string()
    do { _ = try Regex(pattern) } catch {
      throw value.error("'\(pattern)' is not a valid regular expression")
    }
    return pattern
  }

  /// A path relative to the project root that stays inside it.
  private static func projectPath(_ value: YAMLReader) throws(ConfigurationError) -> String {
    let path = try value.string()
    guard !path.hasPrefix("/"), !RelativePath.escapes(path) else {
      throw value.error("'\(path)' must be a relative path that stays inside the project")
    }
    return path
  }

  /// Checks that selectors name declared scenarios (once all sections are read).
  func validateTranscripts(path: String) throws(ConfigurationError) {
    let names = Set(scenarios.map(\.name))
    for scenario in scenarios {
      if let other = scenario.compareWith, !names.contains(other) {
        throw ConfigurationError(
          path: path, line: scenario.compareWithLine,
          message:
            "scenarios.\(scenario.name).compareWith names '\(other)', which is not a scenario")
      }
    }
    for selector in transcriptSelectors where !names.contains(selector.scenario) {
      throw ConfigurationError(
        path: path, line: selector.line,
        message:
          "transcripts: selector names scenario '\(selector.scenario)', which 'scenarios' does not define"
      )
    }
  }
}
