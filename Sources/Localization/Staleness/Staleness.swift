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
  public var sourceHash: String?
}

/// Decides staleness: `ms.openlocfilehash` against the SHA-1 of the source with CRLF line
/// endings; without a hash, the source's git history after `ms.sourcegitcommit` (when that
/// commit is in the history) or after the `ms.lasthandoff` date.
public struct StalenessJudge: Sendable {
  public let site: Site
  /// The repository holding the tree, when there is one.
  public let git: GitHistory?

  public init(site: Site, git: GitHistory?) {
    self.site = site
    self.git = git
  }

  public func judge(translation: Page, translationPath: String, sourcePath: String) async
    -> Staleness
  {
    let front = translation.frontMatter
    var notes: [String] = []
    if let entry = front.entry("ms.openlocfilehash"), let value = entry.text {
      let recorded = value.trimmingSpaces().lowercased()
      if SourceHash.isSHA1(recorded) {
        return byHash(recorded, line: entry.line, sourcePath: sourcePath)
      }
      notes.append("ms.openlocfilehash '\(value)' (line \(entry.line)) is not a SHA-1: not used")
    }
    guard let git else {
      notes.append(
        "the tree is not in a git repository: ms.sourcegitcommit and ms.lasthandoff cannot be checked"
      )
      return Staleness(
        freshness: .unknown, evidence: .none,
        explanation: "no ms.openlocfilehash and no git history to compare with", line: 1,
        notes: notes)
    }
    let sourceFile = site.tree.absolute(sourcePath)
    if let entry = front.entry("ms.sourcegitcommit"), let value = entry.text {
      let commit = value.trimmingSpaces()
      if await git.hasCommit(commit),
        let later = await git.commits(changing: sourceFile, since: commit)
      {
        let short = String(commit.prefix(12))
        if let newest = later.first {
          return Staleness(
            freshness: .stale, evidence: .sourceGitCommit,
            explanation:
              "\(sourcePath) changed in \(later.count) commit\(later.count == 1 ? "" : "s") after ms.sourcegitcommit \(short) (newest \(newest.id.prefix(12)), \(newest.date))",
            line: entry.line, notes: notes)
        }
        if await git.hasUncommittedChanges(sourceFile) {
          return Staleness(
            freshness: .stale, evidence: .sourceGitCommit,
            explanation:
              "\(sourcePath) has uncommitted changes made after ms.sourcegitcommit \(short)",
            line: entry.line, notes: notes)
        }
        return Staleness(
          freshness: .current, evidence: .sourceGitCommit,
          explanation: "\(sourcePath) is unchanged since ms.sourcegitcommit \(short)",
          line: entry.line, notes: notes)
      }
      notes.append(
        "ms.sourcegitcommit \(commit) (line \(entry.line)) is not in this repository's history")
    }
    if let entry = front.entry("ms.lasthandoff"), let value = entry.text {
      guard let handoff = Self.handoffDay(value.trimmingSpaces()) else {
        notes.append("ms.lasthandoff '\(value)' (line \(entry.line)) is not a date (MM/DD/YYYY)")
        return unknown(notes)
      }
      let day = Self.dayFormatter.string(from: handoff)
      if await git.hasUncommittedChanges(sourceFile) {
        return Staleness(
          freshness: .stale, evidence: .lastHandoff,
          explanation: "\(sourcePath) has uncommitted changes, made after ms.lasthandoff \(day)",
          line: entry.line, notes: notes)
      }
      guard let last = await git.lastCommit(changing: sourceFile) else {
        notes.append("\(sourcePath) has no commit in the repository's history")
        return unknown(notes)
      }
      guard let committed = Self.commitDay(last.date) else { return unknown(notes) }
      let lastDay = Self.dayFormatter.string(from: committed)
      if committed > handoff {
        return Staleness(
          freshness: .stale, evidence: .lastHandoff,
          explanation:
            "\(sourcePath) last changed on \(lastDay) (commit \(last.id.prefix(12))), after ms.lasthandoff \(day)",
          line: entry.line, notes: notes)
      }
      return Staleness(
        freshness: .current, evidence: .lastHandoff,
        explanation: "\(sourcePath) last changed on \(lastDay), not after ms.lasthandoff \(day)",
        line: entry.line, notes: notes)
    }
    return unknown(notes)
  }

  private func unknown(_ notes: [String]) -> Staleness {
    Staleness(
      freshness: .unknown, evidence: .none,
      explanation:
        "no ms.openlocfilehash, and no ms.sourcegitcommit or ms.lasthandoff that git can check",
      line: 1, notes: notes)
  }

  private func byHash(_ recorded: String, line: Int, sourcePath: String) -> Staleness {
    guard let bytes = try? FileReader.read(site.tree.absolute(sourcePath)) else {
      return Staleness(
        freshness: .unknown, evidence: .openLocFileHash,
        explanation: "\(sourcePath) cannot be read to compute its hash", line: line, notes: [])
    }
    let actual = SourceHash.openLocFileHash(of: bytes)
    if actual == recorded {
      return Staleness(
        freshness: .current, evidence: .openLocFileHash,
        explanation: "ms.openlocfilehash \(recorded.prefix(12)) is the SHA-1 of \(sourcePath)",
        line: line, notes: [], sourceHash: actual)
    }
    return Staleness(
      freshness: .stale, evidence: .openLocFileHash,
      explanation:
        "ms.openlocfilehash \(recorded.prefix(12)) is not the SHA-1 of \(sourcePath) (now \(actual.prefix(12))): the source changed after this translation was made",
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
