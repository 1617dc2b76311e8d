import Foundation

/// Keeps paths that come from configuration inside the project root, symbolic links
/// included: what docproof reads and writes for scenarios stays in the tree the user named.
public enum ProjectPath {
  /// The real path of `path` (or, when it does not exist yet, of its folder joined with its
  /// name) if that lies inside `projectRoot`; `nil` when it leaves it.
  public static func confined(_ path: String, projectRoot: String) -> String? {
    let root = FileTree.realPath(projectRoot) ?? projectRoot
    let real: String
    if let resolved = FileTree.realPath(path) {
      real = resolved
    } else {
      let folder = (path as NSString).deletingLastPathComponent
      guard let resolvedFolder = FileTree.realPath(folder.isEmpty ? "." : folder) else {
        // Nothing exists yet on the way: judge the path lexically.
        let standardized = (path as NSString).standardizingPath
        return standardized == root || standardized.hasPrefix(root + "/") ? standardized : nil
      }
      real = resolvedFolder + "/" + (path as NSString).lastPathComponent
    }
    return real == root || real.hasPrefix(root + "/") ? real : nil
  }
}
