import Foundation

/// Where reported paths start: the repository that holds the tree (its git top level), else
/// the tree's own root. So `docs/en-us/page.md` is named the same from the repository's
/// root, from `docs/`, or with ROOT spelled `./docs/`, as GitHub annotations and code
/// scanning expect.
public struct ReportBase: Sendable, Equatable {
  /// The absolute folder every reported path is relative to (SARIF's `%SRCROOT%`).
  public var directory: String
  /// The tree's root relative to `directory`: `docs`, or empty when they are the same.
  public var rootPrefix: String

  public init(directory: String, rootPrefix: String) {
    self.directory = directory
    self.rootPrefix = rootPrefix
  }

  /// The base for the tree at `root` (as named, relative to `workingDirectory`): the
  /// nearest folder at or above it that holds `.git` (a folder, or a file in a worktree or
  /// submodule), else `project` (relative to the root) when the root is inside it. Only
  /// whether `.git` exists is looked at, nothing is read.
  public static func find(
    root: String, project: String = ".",
    workingDirectory: String = FileManager.default.currentDirectoryPath
  ) -> ReportBase {
    let absolute = ProjectPath.lexicallyNormalized(
      root.hasPrefix("/") ? root : workingDirectory + "/" + root)
    var candidate = absolute
    while true {
      if FileManager.default.fileExists(atPath: candidate == "/" ? "/.git" : candidate + "/.git") {
        let prefix =
          candidate == "/"
          ? String(absolute.dropFirst()) : String(absolute.dropFirst(candidate.count))
        return ReportBase(
          directory: candidate,
          rootPrefix: prefix.hasPrefix("/") ? String(prefix.dropFirst()) : prefix)
      }
      guard candidate != "/" else { break }
      let parent = (candidate as NSString).deletingLastPathComponent
      candidate = parent.isEmpty ? "/" : parent
    }
    let projectRoot = ProjectPath.lexicallyNormalized(absolute + "/" + project)
    if absolute.hasPrefix(projectRoot == "/" ? "/" : projectRoot + "/") {
      let prefix = String(absolute.dropFirst(projectRoot == "/" ? 1 : projectRoot.count + 1))
      return ReportBase(directory: projectRoot, rootPrefix: prefix)
    }
    return ReportBase(directory: absolute, rootPrefix: "")
  }

  /// A path relative to the tree's root (it may climb out of it, `../golden/x.txt`) as
  /// reports name it: relative to `directory`, normalized (`golden/x.txt`).
  public func path(_ rootRelative: String) -> String {
    Self.path(rootRelative, under: rootPrefix)
  }

  /// `rootRelative` under `prefix`, normalized.
  public static func path(_ rootRelative: String, under prefix: String) -> String {
    if rootRelative.hasPrefix("/") { return ProjectPath.lexicallyNormalized(rootRelative) }
    let path = RelativePath.normalized(
      prefix.isEmpty || prefix == "." ? rootRelative : prefix + "/" + rootRelative)
    return path.isEmpty ? "." : path
  }
}
