import Foundation

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

  /// An absolute path with `.`, empty components and `..` removed by their text alone,
  /// without touching the file system (`..` at `/` stays at `/`).
  public static func lexicallyNormalized(_ absolute: String) -> String {
    var components: [Substring] = []
    for component in absolute.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  /// Whether `path` is `root` or inside it, by text.
  public static func contains(_ path: String, in root: String) -> Bool {
    path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }
}
