import Foundation
import Testing

/// A temporary git repository for tests, with a fixed identity and no user configuration.
public struct GitRepository: Sendable {
  public let tree: TemporaryTree

  public init(_ files: [String: String]) async throws {
    try await self.init(tree: try TemporaryTree(files))
  }

  /// Makes a repository of a tree already written.
  public init(tree: TemporaryTree) async throws {
    self.tree = tree
    try await git(["init", "-q", "-b", "main"])
  }

  public var path: String { tree.path }

  @discardableResult
  public func git(_ arguments: [String], environment extra: [String: String] = [:]) async throws
    -> String
  {
    let environment = [
      "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
      "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": tree.path,
    ].merging(extra) { $1 }
    let result = try await BinaryRunner.run(
      path: "/usr/bin/git", ["-C", tree.path] + arguments, environment: environment)
    try #require(result.status == 0, "git \(arguments): \(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Commits everything; returns the commit id.
  /// Commits everything; returns the commit id. `date` (ISO 8601) fixes the author and
  /// committer dates, for output that names them.
  @discardableResult
  public func commitAll(_ message: String = "change", date: String? = nil) async throws -> String {
    try await git(["add", "-A"])
    let dates = date.map { ["GIT_AUTHOR_DATE": $0, "GIT_COMMITTER_DATE": $0] } ?? [:]
    try await git(["commit", "-q", "--allow-empty", "-m", message], environment: dates)
    return try await git(["rev-parse", "HEAD"])
  }

  public func write(_ files: [String: String]) throws { try tree.write(files) }

  public func delete(_ relative: String) throws {
    try FileManager.default.removeItem(at: tree.url.appendingPathComponent(relative))
  }

  public func read(_ relative: String) throws -> String {
    try String(contentsOf: tree.url.appendingPathComponent(relative), encoding: .utf8)
  }
}
