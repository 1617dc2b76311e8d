import DocModel
import DocSite

/// What a reporter prints: the findings of a run and what was checked.
public struct Report: Sendable {
  /// Where reported paths start (the repository's root) and where the tree is under it.
  public var base: ReportBase
  public var diagnostics: [Diagnostic]
  public var filesChecked: Int
  /// The rules that ran, for formats that describe them (SARIF).
  public var rules: [RuleInfo]
  /// What the run took as given, one sentence each (the base URL of site-absolute links).
  public var context: [String] = []
  /// Site-absolute links not checked offline (into other docsets), counted.
  public var linksNotChecked = 0
  /// What those links are, for the summary (`into other docsets`).
  public var linksNotCheckedKind = "into other docsets"
  /// What ran and what was compared (`nil` for commands that run nothing).
  public var proof: Proof?
  /// docproof's version, for formats that name the tool (SARIF).
  public var toolVersion = ""
  /// What this run is among the runs of a workflow (`docproof/check/`, with the shard when
  /// sharded: `docproof/check/shard-2-of-4/`), for SARIF's `automationDetails.id`.
  public var automationID = "docproof/check/"
  /// Where a rule's documentation is: the rules reference, at the rule's anchor.
  public static func helpURI(_ rule: RuleID) -> String {
    "https://github.com/docproof/docproof/blob/main/RULES.md#\(rule.rawValue)"
  }

  public init(
    base: ReportBase, diagnostics: [Diagnostic], filesChecked: Int, rules: [RuleInfo]
  ) {
    self.base = base
    self.diagnostics = diagnostics
    self.filesChecked = filesChecked
    self.rules = rules
  }

  /// The tree's root as reports name it: `docs`, or `.` for the repository's root.
  public var root: String { base.rootPrefix.isEmpty ? "." : base.rootPrefix }

  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
  public var infos: Int { diagnostics.filter { $0.severity == .info }.count }

  /// A finding's path (relative to the tree's root) as reports name it: from the
  /// repository's root, normalized.
  public func displayPath(_ relative: String) -> String { base.path(relative) }

  /// `3 errors, 1 warning in 12 files`.
  public var summaryLine: String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let unchecked =
      linksNotChecked > 0
      ? "; \(count(linksNotChecked, "link")) \(linksNotCheckedKind) not checked offline" : ""
    let proven = provenLine.map { "; " + $0 } ?? ""
    if diagnostics.isEmpty {
      return "no problems in \(count(filesChecked, "file"))" + proven + unchecked
    }
    var parts = [count(errors, "error"), count(warnings, "warning")]
    // `info`, as docproof.yml and JSON name the severity ("note:" lines are a finding's notes).
    if infos > 0 { parts.append("\(infos) info") }
    return parts.joined(separator: ", ") + " in \(count(filesChecked, "file"))" + proven + unchecked
  }

  /// What ran and matched, in a few words (`2 scenarios run, 15 of 15 transcripts match`);
  /// `nil` when the tree has nothing to run or compare.
  public var provenLine: String? {
    guard let proof, !proof.isEmpty else { return nil }
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    var parts: [String] = []
    let runs = proof.scenarios + proof.programs
    if !proof.ran, !runs.isEmpty {
      parts.append("nothing run (--no-run)")
    } else {
      var ran: [String] = []
      if !proof.scenarios.isEmpty { ran.append(count(proof.scenarios.count, "scenario")) }
      let programs = proof.programs.filter { $0.result != .notRun }
      if !programs.isEmpty { ran.append(count(programs.count, "docs program")) }
      let failed = runs.count { $0.result == .failed || $0.result == .differs }
      let notRun = proof.programs.count - programs.count
      var notes: [String] = []
      if failed > 0 { notes.append("\(failed) failed") }
      if notRun > 0 { notes.append(count(notRun, "docs program") + " not run") }
      if !ran.isEmpty {
        parts.append(
          ran.joined(separator: " and ") + " run"
            + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"))
      } else if notRun > 0 {
        parts.append(count(notRun, "docs program") + " not run")
      }
    }
    if !proof.transcripts.isEmpty {
      let matched = proof.transcripts.count(where: \.matched)
      parts.append(
        "\(matched) of \(count(proof.transcripts.count, "transcript")) match"
          + (proof.ran ? "" : " their golden files"))
    }
    if proof.snippetsCompared > 0 {
      parts.append(
        "\(proof.snippetsMatched) of \(count(proof.snippetsCompared, "snippet")) match their sources"
      )
    }
    if proof.programsRead > 0 {
      parts.append(
        "\(proof.programsAgreeing) of \(count(proof.programsRead, "program")) shown agree with their transcripts"
      )
    }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }
}

/// One output format.
public protocol Reporter: Sendable {
  func render(_ report: Report) throws -> String
}

/// The formats `check --format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, junit, sarif, github

  /// The reporter for this format; `color` only matters for text.
  public func reporter(color: Bool) -> any Reporter {
    switch self {
    case .text: TextReporter(color: color)
    case .json: JSONReporter()
    case .junit: JUnitReporter()
    case .sarif: SARIFReporter()
    case .github: GitHubReporter()
    }
  }
}
