/// What a run proved beyond its findings: the scenarios and programs it ran, the
/// transcripts and snippets it compared. Reports show it, so that a green run says what it
/// checked and a `--no-run` run says that nothing ran.
public struct Proof: Sendable, Equatable, Codable {
  /// A scenario or a docs program, and how its run went.
  public struct Run: Sendable, Equatable, Codable {
    public enum Result: String, Sendable, Codable {
      /// Ran, and its output is its golden file's.
      case passed
      /// Failed, timed out or could not start.
      case failed
      /// Ran, and its output differs from its golden file.
      case differs
      /// Not run (`--no-run`).
      case notRun = "not-run"
    }

    public var name: String
    /// `command` (a scenario's own program) or the language of a docs program (`python`).
    public var runner: String
    /// Wall time, when it ran.
    public var seconds: Double?
    public var result: Result
    /// Why it failed, or what it differs from.
    public var detail: String?

    public init(
      name: String, runner: String, seconds: Double?, result: Result, detail: String? = nil
    ) {
      self.name = name
      self.runner = runner
      self.seconds = seconds
      self.result = result
      self.detail = detail
    }
  }

  /// A transcript (or result block) compared with its scenario's golden file.
  public struct Comparison: Sendable, Equatable, Codable {
    public var path: String
    public var line: Int
    public var scenario: String
    public var matched: Bool

    public init(path: String, line: Int, scenario: String, matched: Bool) {
      self.path = path
      self.line = line
      self.scenario = scenario
      self.matched = matched
    }
  }

  /// Whether programs ran at all (`false` with `--no-run`).
  public var ran: Bool
  public var scenarios: [Run] = []
  public var programs: [Run] = []
  public var transcripts: [Comparison] = []
  public var snippetsCompared = 0
  public var snippetsMatched = 0
  /// Programs shown on pages whose output statements were read against the transcripts
  /// after them (`program-output-drift`), and how many of them agree.
  public var programsRead = 0
  public var programsAgreeing = 0

  public init(ran: Bool) { self.ran = ran }

  /// Whether there is anything to say: a tree without scenarios or snippets proves only
  /// what its findings say.
  public var isEmpty: Bool {
    scenarios.isEmpty && programs.isEmpty && transcripts.isEmpty && snippetsCompared == 0
      && programsRead == 0
  }
}
