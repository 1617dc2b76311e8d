import DocSite
import Foundation
import Transcripts

/// The files that differ between a git commit and the working tree, as git reports them:
/// committed, staged and unstaged changes, and untracked files git does not ignore.
public struct ChangedFiles: Sendable, Equatable {
  /// Files under the checked root that exist now (added or modified), root-relative.
  public var changed: [String]
  /// Files under the checked root that existed at the commit and are gone, root-relative.
  public var deleted: [String]
  /// Changed or deleted files elsewhere in the repository, as absolute paths.
  public var elsewhere: [String]
  /// The commit the reference named.
  public var commit: String
  /// For changed and deleted Markdown files under the root, the lines the commit had and the
  /// working tree does not (an include dropped there leaves a file without that includer).
  public var removedLines: [String: String]

  public init(
    changed: [String], deleted: [String], elsewhere: [String], commit: String,
    removedLines: [String: String] = [:]
  ) {
    self.changed = changed
    self.deleted = deleted
    self.elsewhere = elsewhere
    self.commit = commit
    self.removedLines = removedLines
  }

  /// Asks git what changed in the repository holding `root` since `reference`.
  public static func since(_ reference: String, root: String) async throws(IncrementalError)
    -> ChangedFiles
  {
    let git = Git(directory: FileTree.realPath(root) ?? URL(fileURLWithPath: root).path)
    guard let top = try? await git.run(["rev-parse", "--show-toplevel"]) else {
      throw .notInRepository(root: root)
    }
    let topLevel = top.trimmingCharacters(in: .newlines)
    guard !reference.hasPrefix("-"),
      let commit = try? await git.run(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"])
    else { throw .unknownReference(reference) }
    let commitID = commit.trimmingCharacters(in: .whitespacesAndNewlines)
    let atTop = Git(directory: topLevel)
    let diff = try await atTop.run(
      ["diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", commitID, "--"])
    let untracked = try await atTop.run(["ls-files", "-z", "--others", "--exclude-standard"])

    let rootReal = FileTree.realPath(root) ?? root
    let topReal = FileTree.realPath(topLevel) ?? topLevel
    let prefix = rootReal == topReal ? "" : String(rootReal.dropFirst(topReal.count + 1)) + "/"
    guard rootReal == topReal || rootReal.hasPrefix(topReal + "/") else {
      throw .notInRepository(root: root)
    }
    var changed: Set<String> = []
    var deleted: Set<String> = []
    var elsewhere: Set<String> = []
    func add(_ path: String, deleted isDeleted: Bool) {
      guard prefix.isEmpty || path.hasPrefix(prefix) else {
        elsewhere.insert(topReal + "/" + path)
        return
      }
      let relative = String(path.dropFirst(prefix.count))
      if isDeleted { deleted.insert(relative) } else { changed.insert(relative) }
    }
    // `--name-status -z`: a status field, then the path, each NUL-terminated.
    let fields = diff.split(separator: "\0", omittingEmptySubsequences: true)
    var index = 0
    while index + 1 < fields.count {
      add(String(fields[index + 1]), deleted: fields[index].hasPrefix("D"))
      index += 2
    }
    for path in untracked.split(separator: "\0") { add(String(path), deleted: false) }

    var removedLines: [String: String] = [:]
    if !changed.isEmpty || !deleted.isEmpty {
      let patch = try await atTop.run(
        [
          "-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-renames",
          "--no-ext-diff", commitID, "--", ":(top,literal)" + prefix,
        ])
      for (path, removed) in Self.removedLines(inPatch: patch)
      where path.hasPrefix(prefix) && RelativePath.fileExtension(of: path) == "md" {
        removedLines[String(path.dropFirst(prefix.count))] = removed
      }
    }
    return ChangedFiles(
      changed: changed.sorted(), deleted: deleted.subtracting(changed).sorted(),
      elsewhere: elsewhere.sorted(), commit: commitID, removedLines: removedLines)
  }

  /// The removed lines of each file of a unified diff (`git diff -U0`), by repository path.
  static func removedLines(inPatch patch: String) -> [String: String] {
    var result: [String: String] = [:]
    var current: String?
    var lines: [Substring] = []
    func flush() {
      if let current, !lines.isEmpty { result[current] = lines.joined(separator: "\n") + "\n" }
      lines = []
    }
    var inHeader = false
    for line in patch.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("diff --git ") {
        flush()
        current = nil
        inHeader = true
      } else if inHeader, line.hasPrefix("--- ") {
        current = unquotedPath(line.dropFirst(4), side: "a/") ?? current
      } else if inHeader, line.hasPrefix("+++ ") {
        current = current ?? unquotedPath(line.dropFirst(4), side: "b/")
        inHeader = false
      } else if line.hasPrefix("@@") {
        inHeader = false
      } else if !inHeader, line.hasPrefix("-") {
        lines.append(line.dropFirst())
      }
    }
    flush()
    return result
  }

  /// `a/path`, or git's C-quoted `"a/pa\"th"`, without its side prefix; `nil` for /dev/null.
  static func unquotedPath(_ field: Substring, side: String) -> String? {
    var text = String(field)
    if text == "/dev/null" { return nil }
    if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
      var bytes: [UInt8] = []
      var iterator = Array(text.utf8.dropFirst().dropLast()).makeIterator()
      while let byte = iterator.next() {
        guard byte == UInt8(ascii: "\\"), let escaped = iterator.next() else {
          bytes.append(byte)
          continue
        }
        switch escaped {
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
          var value = Int(escaped - 48)
          for _ in 0..<2 {
            if let digit = iterator.next() { value = value * 8 + Int(digit) - 48 }
          }
          bytes.append(UInt8(truncatingIfNeeded: value))
        default: bytes.append(escaped)
        }
      }
      text = String(decoding: bytes, as: UTF8.self)
    }
    return text.hasPrefix(side) ? String(text.dropFirst(side.count)) : text
  }
}

/// Runs git for `ChangedFiles`, with failures as `IncrementalError`.
struct Git: Sendable {
  private let command: GitCommand

  init(directory: String) { command = GitCommand(directory: directory, outputLimit: 256 << 20) }

  func run(_ arguments: [String]) async throws(IncrementalError) -> String {
    do {
      return try await command.run(arguments)
    } catch {
      throw .git(command: error.command, message: error.message)
    }
  }
}
