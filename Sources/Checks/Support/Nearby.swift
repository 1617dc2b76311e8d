import DocSite
import Synchronization

/// Suggestions of existing files near a missing one, for one rule's pass over a tree.
///
/// A folder may hold thousands of names, and thousands of links may miss in it: its names
/// are prepared the first time a missing name in it is asked about, not afresh each time.
final class Nearby: Sendable {
  let tree: FileTree
  private let folders = Mutex<[String: Folder]>([:])

  init(_ tree: FileTree) { self.tree = tree }

  /// The file names of a folder, prepared for suggestions.
  private struct Folder: Sendable {
    /// Each name by its lowercased form: the first of the folder's names with that form.
    var byLowercased: [String: String] = [:]
    var names: Suggestion.Candidates
  }

  /// The existing file in the same folder whose name is closest to the missing one.
  /// A path that differs only in case comes first: the checkout on a writer's machine may
  /// not care, the published site does.
  func file(like missing: String, extension wanted: String? = nil) -> String? {
    if let exact = pathIgnoringCase(missing) { return exact }
    var folder = RelativePath.directory(of: missing)
    if !folder.isEmpty, tree.entries[folder] == nil,
      let existing = tree.pathIgnoringCase(folder, directory: true)
    {
      folder = existing
    }
    let prefix = folder.isEmpty ? "" : folder + "/"
    // A folder may hold thousands of names: the extension is only asked of those whose
    // length does not rule them out.
    guard
      let name = self.folder(folder).names.closest(
        to: RelativePath.fileName(of: missing),
        accepting: { wanted == nil || RelativePath.fileExtension(of: $0) == wanted })
    else { return nil }
    return prefix + name
  }

  /// The did-you-mean note for a missing target named in `file`: the closest existing file,
  /// written relative to `file`'s folder; none when nothing is close.
  func notes(for missing: String, in file: String, extension wanted: String? = nil) -> [String] {
    guard let suggestion = self.file(like: missing, extension: wanted) else { return [] }
    return ["did you mean '\(Self.relative(suggestion, from: file))'?"]
  }

  /// What `tree.pathIgnoringCase(path)` finds: the folders walked the same way, the file
  /// looked up in its folder's index instead of lowercasing every name of the folder.
  private func pathIgnoringCase(_ path: String) -> String? {
    let components = path.split(separator: "/")
    guard let last = components.last else { return nil }
    var found = ""
    if components.count > 1 {
      let folders = components.dropLast().joined(separator: "/")
      guard let existing = tree.pathIgnoringCase(folders, directory: true) else { return nil }
      found = existing
    }
    guard let name = folder(found).byLowercased[last.lowercased()] else { return nil }
    return found.isEmpty ? name : found + "/" + name
  }

  private func folder(_ path: String) -> Folder {
    if let known = folders.withLock({ $0[path] }) { return known }
    // Prepared outside the lock: two threads may each prepare the same folder once.
    let names = tree.fileNames[path] ?? []
    var folder = Folder(names: Suggestion.Candidates(names))
    for name in names {
      let key = name.lowercased()
      if folder.byLowercased[key] == nil { folder.byLowercased[key] = name }
    }
    folders.withLock { $0[path] = folder }
    return folder
  }

  /// A root-relative path written relative to the folder of `file`.
  static func relative(_ target: String, from file: String) -> String {
    let from = RelativePath.directory(of: file).split(separator: "/")
    let to = target.split(separator: "/")
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...].map(String.init)).joined(separator: "/")
  }
}
