import Foundation
import SystemPackage

/// Keeps paths that come from configuration inside the project root, symbolic links
/// included: what docproof reads and writes for scenarios stays in the tree the user named.
public enum ProjectPath {
  /// The real path of `path` (or, when it does not exist yet, of its folder joined with its
  /// name) if that lies inside `projectRoot`; `nil` when it leaves it.
  public static func confined(_ path: String, projectRoot: String) -> String? {
    let root = FileTree.realPath(projectRoot) ?? projectRoot
    // A path that leaves the root by its own `..` is refused before anything is looked at.
    if path.hasPrefix("/"), !contains(lexicallyNormalized(path), in: root),
      !contains(lexicallyNormalized(path), in: lexicallyNormalized(projectRoot))
    {
      return nil
    }
    let real: String
    if let resolved = FileTree.realPath(path) {
      real = resolved
    } else {
      let file = FilePath(path)
      let folder = file.removingLastComponent().string
      guard let resolvedFolder = FileTree.realPath(folder.isEmpty ? "." : folder) else {
        // Nothing exists yet on the way: judge the path lexically.
        let standardized = (path as NSString).standardizingPath
        return contains(standardized, in: root) ? standardized : nil
      }
      real = resolvedFolder + "/" + (file.lastComponent?.string ?? "")
    }
    return contains(real, in: root) ? real : nil
  }

  /// An absolute path with `.`, empty components and `..` removed by their text alone,
  /// without touching the file system (`..` at `/` stays at `/`).
  public static func lexicallyNormalized(_ absolute: String) -> String {
    FilePath(absolute).lexicallyNormalized().string
  }

  /// Whether `path` is `root` or inside it, by their components.
  public static func contains(_ path: String, in root: String) -> Bool {
    FilePath(path).starts(with: FilePath(root))
  }
}
