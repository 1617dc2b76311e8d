import DocSite

/// Suggestions of existing files near a missing one.
enum Nearby {
  /// The existing file in the same folder whose name is closest to the missing one.
  /// A path that differs only in case comes first: the checkout on a writer's machine may
  /// not care, the published site does.
  static func file(like missing: String, in tree: FileTree, extension wanted: String? = nil)
    -> String?
  {
    if let exact = tree.pathIgnoringCase(missing) { return exact }
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
      let name = Suggestion.closest(
        to: RelativePath.fileName(of: missing), in: tree.fileNames[folder] ?? [],
        accepting: { wanted == nil || RelativePath.fileExtension(of: $0) == wanted })
    else { return nil }
    return prefix + name
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
