import Foundation
import Transcripts

/// Read-only questions to the git repository that holds a docs tree, asked through the
/// `git` command line. Used when a translation carries no `ms.openlocfilehash`.
public struct GitHistory: Sendable {
  /// One commit: its id and committer date (ISO 8601).
  public struct Commit: Sendable, Hashable {
    public var id: String
    public var date: String
  }

  /// The repository's top-level folder.
  public let topLevel: String

  /// The repository holding `path`, or `nil` when it is not in one (or git is missing).
  public static func open(at path: String) async -> GitHistory? {
    let probe = GitHistory(topLevel: path)
    guard let output = await probe.git(["rev-parse", "--show-toplevel"]) else { return nil }
    let top = output.trimmingCharacters(in: .whitespacesAndNewlines)
    return top.isEmpty ? nil : GitHistory(topLevel: top)
  }

  private init(topLevel: String) { self.topLevel = topLevel }

  /// Whether `name` (hex digits only) is a commit in this repository's history.
  public func hasCommit(_ name: String) async -> Bool {
    guard SourceHash.isCommitName(name) else { return false }
    return await git(["cat-file", "-e", name + "^{commit}"]) != nil
  }

  /// The commits after `since` (excluded) up to HEAD that changed `path`, newest first.
  public func commits(changing path: String, since: String) async -> [Commit]? {
    guard SourceHash.isCommitName(since) else { return nil }
    guard
      let output = await git(
        ["log", "--no-renames", "--format=%H%x09%cI", since + "..HEAD", "--", path])
    else { return nil }
    return Self.commits(in: output)
  }

  /// The newest commit that changed `path`, or `nil` when it was never committed.
  public func lastCommit(changing path: String) async -> Commit? {
    guard let output = await git(["log", "-1", "--format=%H%x09%cI", "--", path]) else {
      return nil
    }
    return Self.commits(in: output).first
  }

  /// Whether `path` has changes not committed yet (staged or not).
  public func hasUncommittedChanges(_ path: String) async -> Bool {
    guard let output = await git(["status", "--porcelain", "--untracked-files=no", "--", path])
    else { return false }
    return !output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }

  private static func commits(in output: String) -> [Commit] {
    output.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: "\t", maxSplits: 1)
      guard fields.count == 2 else { return nil }
      return Commit(id: String(fields[0]), date: String(fields[1]))
    }
  }

  /// Runs git in the repository; `nil` when it fails.
  private func git(_ arguments: [String]) async -> String? {
    try? await GitCommand(directory: topLevel).run(arguments, timeout: .seconds(30))
  }
}
