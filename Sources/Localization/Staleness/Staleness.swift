import DocModel
import DocSite
import Foundation

/// Whether a translation was made from the source as it is now, and the evidence used.
public struct Staleness: Sendable, Hashable {
  public enum Freshness: String, Sendable, Hashable {
    /// The evidence says the translation matches the current source.
    case current
    /// The source changed after the translation was made.
    case stale
    /// Nothing to go on: no hash, no usable git history.
    case unknown
  }

  /// What the verdict rests on.
  public enum Evidence: String, Sendable, Hashable {
    case openLocFileHash = "ms.openlocfilehash"
    case sourceGitCommit = "ms.sourcegitcommit"
    case lastHandoff = "ms.lasthandoff"
    case none
  }

  public var freshness: Freshness
  public var evidence: Evidence
  /// One sentence naming the evidence: what was compared with what.
  public var explanation: String
  /// The line of the front-matter key the verdict rests on (1 without one).
  public var line: Int
  /// Further facts: why a better source of evidence could not be used.
  public var notes: [String]
  /// The source's `ms.openlocfilehash` as it is now, when the hash was the evidence.
  public var sourceHash: String? = nil
  /// The verdict is unknown because localization metadata is malformed (not merely
  /// missing): `l10n-stale` reports it, since the page claims evidence it does not give.
  public var malformedMetadata = false
  /// For a stale translation: how far behind it is.
  public var lag: Lag? = nil
}

/// Decides staleness: `ms.openlocfilehash` against the SHA-1 of the source with CRLF line
/// endings; without a hash, the source's git history after `ms.sourcegitcommit` (when that
/// commit is in the history) or after the `ms.lasthandoff` date.
public struct StalenessJudge: Sendable {
  public let site: Site
  /// The repository holding the tree, when there is one.
  public let git: GitHistory?
  /// How explanations name a source path (relative to the reported tree).
  public let display: @Sendable (String) -> String

  public init(
    site: Site, git: GitHistory?, display: @escaping @Sendable (String) -> String = { $0 }
  ) {
    self.site = site
    self.git = git
    self.display = display
  }

  public func judge(translation: Page, translationPath: String, sourcePath: String) async
    -> Staleness
  {
    let front = translation.frontMatter
    var gathered = Gathered()
    if let entry = front.entry("ms.openlocfilehash"), let value = entry.text {
      let recorded = value.trimmingSpaces().lowercased()
      if SourceHash.isSHA1(recorded) {
        return byHash(recorded, line: entry.line, sourcePath: sourcePath)
      }
      gathered.invalid(
        entry.line, "ms.openlocfilehash '\(value)' (line \(entry.line)) is not a SHA-1")
    }
    let commit = front.entry("ms.sourcegitcommit").flatMap { entry in
      entry.text.map { (value: $0.trimmingSpaces(), line: entry.line) }
    }
    let handoff = front.entry("ms.lasthandoff").flatMap { entry in
      entry.text.map { (value: $0.trimmingSpaces(), line: entry.line) }
    }
    if let commit, !SourceHash.isCommitName(commit.value) {
      gathered.invalid(
        commit.line, "ms.sourcegitcommit '\(commit.value)' (line \(commit.line)) is not a commit id"
      )
    }
    let handoffDay = handoff.flatMap { Self.handoffDay($0.value) }
    if let handoff, handoffDay == nil {
      gathered.invalid(
        handoff.line,
        "ms.lasthandoff '\(handoff.value)' (line \(handoff.line)) is not a date (MM/DD/YYYY)")
    }
    guard let git else {
      if commit != nil || handoff != nil {
        gathered.notes.append(
          "the tree is not in a git repository: ms.sourcegitcommit and ms.lasthandoff cannot be checked"
        )
      }
      return gathered.unknown()
    }
    let sourceFile = site.tree.absolute(sourcePath)
    if let commit, SourceHash.isCommitName(commit.value) {
      if let verdict = await bySourceCommit(
        commit.value, line: commit.line, sourcePath: sourcePath, sourceFile: sourceFile, git: git,
        notes: gathered.verdictNotes)
      {
        return verdict
      }
      gathered.notes.append(
        "ms.sourcegitcommit \(commit.value) (line \(commit.line)) is not in this repository's history"
      )
    }
    if let handoff, let handoffDay,
      let verdict = await byHandoff(
        handoffDay, line: handoff.line, sourcePath: sourcePath, sourceFile: sourceFile, git: git,
        gathered: &gathered)
    {
      return verdict
    }
    return gathered.unknown()
  }

  /// What was learned on the way to a verdict that did not come.
  private struct Gathered {
    var notes: [String] = []
    /// Localization metadata that is present but malformed, with its line.
    var malformed: [(line: Int, text: String)] = []

    mutating func invalid(_ line: Int, _ text: String) {
      malformed.append((line, text))
    }

    /// The notes for a verdict another piece of evidence gave: malformed metadata first.
    var verdictNotes: [String] { malformed.map { $0.text + ": not used" } + notes }

    func unknown() -> Staleness {
      if let first = malformed.first {
        return Staleness(
          freshness: .unknown, evidence: .none,
          explanation: "cannot tell whether this translation is stale: "
            + malformed.map(\.text).joined(separator: "; "),
          line: first.line, notes: notes, malformedMetadata: true)
      }
      return Staleness(
        freshness: .unknown, evidence: .none,
        explanation:
          "no ms.openlocfilehash, and no ms.sourcegitcommit or ms.lasthandoff that git can check",
        line: 1, notes: notes)
    }
  }

  /// The verdict from the source's commits after `ms.sourcegitcommit`, or `nil` when that
  /// commit is not in the history.
  private func bySourceCommit(
    _ commit: String, line: Int, sourcePath: String, sourceFile: String, git: GitHistory,
    notes: [String]
  ) async -> Staleness? {
    guard await git.hasCommit(commit),
      let later = await git.commits(changing: sourceFile, since: commit)
    else { return nil }
    let short = String(commit.prefix(12))
    func verdict(_ freshness: Staleness.Freshness, _ explanation: String) -> Staleness {
      Staleness(
        freshness: freshness, evidence: .sourceGitCommit, explanation: explanation, line: line,
        notes: notes)
    }
    if let newest = later.first {
      return verdict(
        .stale,
        "\(display(sourcePath)) changed in \(later.count) commit\(later.count == 1 ? "" : "s") after ms.sourcegitcommit \(short) (newest \(newest.id.prefix(12)), \(newest.date))"
      )
    }
    if await git.hasUncommittedChanges(sourceFile) {
      return verdict(
        .stale,
        "\(display(sourcePath)) has uncommitted changes made after ms.sourcegitcommit \(short)")
    }
    return verdict(
      .current, "\(display(sourcePath)) is unchanged since ms.sourcegitcommit \(short)")
  }

  /// The verdict from the source's last change against the `ms.lasthandoff` day, or `nil`
  /// (with a note) when the source has no usable history.
  private func byHandoff(
    _ handoff: Date, line: Int, sourcePath: String, sourceFile: String, git: GitHistory,
    gathered: inout Gathered
  ) async -> Staleness? {
    let day = Self.dayFormatter.string(from: handoff)
    let notes = gathered.verdictNotes
    func verdict(_ freshness: Staleness.Freshness, _ explanation: String) -> Staleness {
      Staleness(
        freshness: freshness, evidence: .lastHandoff, explanation: explanation, line: line,
        notes: notes)
    }
    if await git.hasUncommittedChanges(sourceFile) {
      return verdict(
        .stale, "\(display(sourcePath)) has uncommitted changes, made after ms.lasthandoff \(day)")
    }
    guard let last = await git.lastCommit(changing: sourceFile) else {
      gathered.notes.append("\(display(sourcePath)) has no commit in the repository's history")
      return nil
    }
    guard let committed = Self.commitDay(last.date) else {
      gathered.notes.append("git gave an unreadable date '\(last.date)' for commit \(last.id)")
      return nil
    }
    let lastDay = Self.dayFormatter.string(from: committed)
    if committed > handoff {
      return verdict(
        .stale,
        "\(display(sourcePath)) last changed on \(lastDay) (commit \(last.id.prefix(12))), after ms.lasthandoff \(day)"
      )
    }
    return verdict(
      .current, "\(display(sourcePath)) last changed on \(lastDay), not after ms.lasthandoff \(day)"
    )
  }

  private func byHash(_ recorded: String, line: Int, sourcePath: String) -> Staleness {
    guard
      let bytes = try? FileReader.read(
        site.tree.absolute(sourcePath), limit: site.configuration.maxFileSize,
        regularFile: site.tree[sourcePath] == .file)
    else {
      return Staleness(
        freshness: .unknown, evidence: .openLocFileHash,
        explanation: "\(display(sourcePath)) cannot be read to compute its hash", line: line,
        notes: [])
    }
    let actual = SourceHash.openLocFileHash(of: bytes)
    if actual == recorded {
      return Staleness(
        freshness: .current, evidence: .openLocFileHash,
        explanation:
          "ms.openlocfilehash \(recorded.prefix(12)) is the SHA-1 of \(display(sourcePath))",
        line: line, notes: [], sourceHash: actual)
    }
    return Staleness(
      freshness: .stale, evidence: .openLocFileHash,
      explanation:
        "ms.openlocfilehash \(recorded.prefix(12)) is not the SHA-1 of \(display(sourcePath)) (now \(actual.prefix(12))): the source changed after this translation was made",
      line: line, notes: [], sourceHash: actual)
  }

  /// The handoff day: `MM/DD/YYYY` (what Microsoft's pipeline writes) or `YYYY-MM-DD`, as
  /// the last instant of that day in UTC.
  static func handoffDay(_ text: String) -> Date? {
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    let (year, month, day) =
      text.contains("/") ? (parts[2], parts[0], parts[1]) : (parts[0], parts[1], parts[2])
    guard (1...12).contains(month), (1...31).contains(day), (1970...9999).contains(year) else {
      return nil
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(
      year: year, month: month, day: day, hour: 23, minute: 59, second: 59)
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day
    else { return nil }
    return date
  }

  /// A committer date as git's `%cI` prints it.
  static func commitDay(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
  }

  private static var dayFormatter: DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter
  }
}
