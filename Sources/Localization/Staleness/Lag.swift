import DocModel
import DocSite
import Foundation

/// How far behind a stale translation is: when it was handed off, and what its source went
/// through since the version it translates.
public struct Lag: Sendable, Hashable {
  /// `ms.lasthandoff` as a day (`2021-02-17`), when the translation carries one.
  public var handoff: String?
  /// Whole days from the handoff to the run.
  public var handoffAgeDays: Int?
  /// The source's history since the translated version, when git has it.
  public var history: SourceHistory?
  /// Why there is no history, when there is none.
  public var historyMissing: String?
}

/// The source's commits and changes since the version a translation was made from.
public struct SourceHistory: Sendable, Hashable {
  /// The commit holding the translated version.
  public var base: String
  /// How that commit was found (`ms.sourcegitcommit`, the commit whose blob hashes to
  /// `ms.openlocfilehash`, the last change before `ms.lasthandoff`).
  public var foundBy: String
  /// The commits since, newest first.
  public var changes: [GitHistory.Change]
  /// The unified diff of the source from `base` to the working tree.
  public var diff: String
}

extension StalenessJudge {
  /// How far behind a translation is. `history`: ask git for the source's commits and diff
  /// since the translated version (found by `ms.sourcegitcommit`, else the commit whose
  /// blob hashes to `ms.openlocfilehash` with CRLF line endings, else the last change
  /// before `ms.lasthandoff`).
  public func lag(translation: Page, sourcePath: String, now: Date, history: Bool) async -> Lag {
    let front = translation.frontMatter
    var lag = Lag()
    let handoffDay = front.string("ms.lasthandoff").flatMap { Self.handoffDay($0.trimmingSpaces()) }
    if let handoffDay {
      // The day starts a second after the previous one ends.
      let start = handoffDay.addingTimeInterval(-86_399)
      lag.handoff = Self.isoDay(start)
      lag.handoffAgeDays = max(0, Int(now.timeIntervalSince(start) / 86_400))
    }
    guard history else { return lag }
    guard let git else {
      lag.historyMissing =
        "the source tree is not in a git repository: its history since the translated version is not known"
      return lag
    }
    let absolute = site.tree.absolute(sourcePath)
    guard let inRepository = git.relative(absolute) else {
      lag.historyMissing = "\(display(sourcePath)) is not in the source's git repository"
      return lag
    }
    var base: (id: String, foundBy: String)?
    if let commit = front.string("ms.sourcegitcommit")?.trimmingSpaces(),
      SourceHash.isCommitName(commit), await git.hasCommit(commit)
    {
      base = (commit, "ms.sourcegitcommit \(commit.prefix(12))")
    }
    if base == nil, let hash = front.string("ms.openlocfilehash")?.trimmingSpaces().lowercased(),
      SourceHash.isSHA1(hash)
    {
      for commit in await git.commitIDs(changing: absolute, limit: Self.hashSearchLimit) {
        guard let bytes = await git.contents(of: inRepository, at: commit) else { continue }
        if SourceHash.openLocFileHash(of: bytes) == hash {
          base = (
            commit,
            "commit \(commit.prefix(12)), whose \(display(sourcePath)) hashes to ms.openlocfilehash"
          )
          break
        }
      }
    }
    if base == nil, let handoffDay,
      let commit = await git.lastCommit(
        changing: absolute, before: ISO8601DateFormatter().string(from: handoffDay))
    {
      base = (
        commit,
        "commit \(commit.prefix(12)), the last change before ms.lasthandoff \(lag.handoff ?? "")"
      )
    }
    guard let base else {
      lag.historyMissing =
        "no commit of \(display(sourcePath)) is ms.sourcegitcommit, hashes to ms.openlocfilehash "
        + "or comes before ms.lasthandoff in the last \(Self.hashSearchLimit) changes"
      return lag
    }
    let changes = await git.changes(to: absolute, since: base.id) ?? []
    let diff = await git.diff(of: absolute, since: base.id) ?? ""
    lag.history = SourceHistory(base: base.id, foundBy: base.foundBy, changes: changes, diff: diff)
    return lag
  }

  /// How many of a source's commits are searched for the one `ms.openlocfilehash` names.
  static let hashSearchLimit = 200

  /// `2021-02-17`.
  static func isoDay(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }
}
