import DocModel
import Foundation
import ProcessRunner

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

  /// A commit with its subject line, for reports.
  public struct Change: Sendable, Hashable, Codable {
    public var id: String
    /// Committer date, ISO 8601.
    public var date: String
    public var subject: String
  }

  /// The commits after `base` (excluded) up to HEAD that changed `path`, newest first, with
  /// their subjects.
  public func changes(to path: String, since base: String) async -> [Change]? {
    guard SourceHash.isCommitName(base),
      let output = await git(
        ["log", "--no-renames", "--format=%H%x09%cI%x09%s", base + "..HEAD", "--", path])
    else { return nil }
    return output.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { return nil }
      return Change(id: String(fields[0]), date: String(fields[1]), subject: String(fields[2]))
    }
  }

  /// The commits that changed `path`, newest first, at most `limit` of them.
  public func commitIDs(changing path: String, limit: Int) async -> [String] {
    guard
      let output = await git([
        "log", "--no-renames", "--format=%H", "-n", String(limit), "--", path,
      ])
    else { return [] }
    return output.split(separator: "\n").map(String.init)
  }

  /// The file's bytes at a commit (`path` from the top level), or `nil` when it is not there.
  public func contents(of path: String, at commit: String) async -> [UInt8]? {
    guard SourceHash.isCommitName(commit) else { return nil }
    return try? await GitCommand(directory: topLevel, outputLimit: 16 << 20).bytes(
      ["cat-file", "blob", commit + ":" + path], timeout: .seconds(30))
  }

  /// The newest commit at or before `date` (ISO 8601) that changed `path`.
  public func lastCommit(changing path: String, before date: String) async -> String? {
    guard let output = await git(["log", "-1", "--format=%H", "--before=" + date, "--", path])
    else { return nil }
    let id = output.trimmingCharacters(in: .whitespacesAndNewlines)
    return id.isEmpty ? nil : id
  }

  /// The unified diff of `path` from `base` to the working tree.
  public func diff(of path: String, since base: String) async -> String? {
    guard SourceHash.isCommitName(base) else { return nil }
    return await git(["diff", "--no-color", "--no-ext-diff", "-U3", base, "--", path])
  }

  /// `path` (absolute) relative to the top level, for `commit:path` names.
  public func relative(_ path: String) -> String? {
    let top = topLevel.hasSuffix("/") ? topLevel : topLevel + "/"
    let real = FileManager.default.destinationOfSymbolicLinkSafe(path)
    return real.hasPrefix(top) ? String(real.dropFirst(top.count)) : nil
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

extension FileManager {
  /// The real path of `path` (links resolved), or `path` when it cannot be resolved.
  fileprivate func destinationOfSymbolicLinkSafe(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }
}
