import DocSite
import Foundation
import ProcessRunner

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
  /// The commit's Markdown files under the root, with their object ids (what
  /// `ReferenceCache` keys on), root-relative.
  public var listing: GitTreeListing

  public init(
    changed: [String], deleted: [String], elsewhere: [String], commit: String,
    removedLines: [String: String] = [:], listing: GitTreeListing = .empty
  ) {
    self.changed = changed
    self.deleted = deleted
    self.elsewhere = elsewhere
    self.commit = commit
    self.removedLines = removedLines
    self.listing = listing
  }

  /// Asks git what changed in the repository holding `root` since `reference`.
  public static func since(_ reference: String, root: String) async throws(IncrementalError)
    -> ChangedFiles
  {
    let git = Git(directory: FileTree.realPath(root) ?? URL(fileURLWithPath: root).path)
    async let topOutput = git.result(["rev-parse", "--show-toplevel"])
    async let commitOutput = git.result(
      ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"])
    guard case .success(let top) = await topOutput else {
      throw .notInRepository(root: root)
    }
    let topLevel = top.trimmingCharacters(in: .newlines)
    guard !reference.hasPrefix("-"), case .success(let commit) = await commitOutput else {
      throw .unknownReference(reference)
    }
    let commitID = commit.trimmingCharacters(in: .whitespacesAndNewlines)
    let atTop = Git(directory: topLevel)
    let rootReal = FileTree.realPath(root) ?? root
    // Side by side: what differs, what is new, and the commit's files under the root (git
    // lists them relative to the folder it runs in).
    async let diffOutput = atTop.result(
      ["diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", commitID, "--"])
    async let untrackedOutput = atTop.result(["ls-files", "-z", "--others", "--exclude-standard"])
    // The commit's Markdown files, read from the listing while the other two run (it is the
    // quickest of the three, and 66,000 entries take a while to read).
    async let listing = Git(directory: rootReal).bytesResult(["ls-tree", "-r", "-z", commitID])
      .map(GitTreeListing.init(listing:))
    let diff = try await diffOutput.get()
    let untracked = try await untrackedOutput.get()

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
    // The Markdown files that changed, named one by one (git then looks at those alone), or
    // the whole root when there are many.
    let markdown = changed.union(deleted).filter { RelativePath.fileExtension(of: $0) == "md" }
    if !markdown.isEmpty {
      let pathspecs =
        markdown.count <= 512
        ? markdown.sorted().map { ":(top,literal)" + prefix + $0 } : [":(top,literal)" + prefix]
      let patch = try await atTop.run(
        [
          "-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-renames",
          "--no-ext-diff", commitID, "--",
        ] + pathspecs)
      for (path, removed) in Self.removedLines(inPatch: patch)
      where path.hasPrefix(prefix) && RelativePath.fileExtension(of: path) == "md" {
        removedLines[String(path.dropFirst(prefix.count))] = removed
      }
    }
    return ChangedFiles(
      changed: changed.sorted(), deleted: deleted.subtracting(changed).sorted(),
      elsewhere: elsewhere.sorted(), commit: commitID, removedLines: removedLines,
      listing: try await listing.get())
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

  /// `run`, as a result (for `async let`, which does not keep typed errors).
  func result(_ arguments: [String]) async -> Result<String, IncrementalError> {
    await bytesResult(arguments).map { String(decoding: $0, as: UTF8.self) }
  }

  func run(_ arguments: [String]) async throws(IncrementalError) -> String {
    String(decoding: try await bytes(arguments), as: UTF8.self)
  }

  /// `bytes`, as a result.
  func bytesResult(_ arguments: [String]) async -> Result<[UInt8], IncrementalError> {
    do throws(IncrementalError) {
      return .success(try await bytes(arguments))
    } catch {
      return .failure(error)
    }
  }

  func bytes(_ arguments: [String]) async throws(IncrementalError) -> [UInt8] {
    do {
      return try await command.bytes(arguments)
    } catch {
      throw .git(command: error.command, message: error.message)
    }
  }
}
