import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The folder under a tree's root where docproof keeps what it caches between runs, and
/// the rule that nothing is read or written through it outside the tree.
public enum CacheDirectory {
  /// The folder's name; the tree walk skips it (its name starts with `.`).
  public static let name = ".docproof-cache"

  /// The absolute path of `relative` (a file under the root) to read, when it exists and
  /// its real path is inside the root.
  public static func pathForReading(_ relative: String, realRoot: String) -> String? {
    guard let real = FileTree.realPath(realRoot + "/" + relative), isInside(real, realRoot)
    else { return nil }
    return real
  }

  /// The absolute path to write `relative` (a file under the root) to: its folders are
  /// created as needed, a new `.docproof-cache` with a `.gitignore` that keeps it out of
  /// git. Fails, with a reason, when a folder on the way is not a folder or leads out of
  /// the root (a symbolic link).
  public static func pathForWriting(_ relative: String, realRoot: String) -> Result<
    String, CacheDirectoryError
  > {
    let components = relative.split(separator: "/").map(String.init)
    guard let fileName = components.last, !components.contains(".."),
      !components.contains(".")
    else {
      return .failure(CacheDirectoryError(path: relative, reason: "not a path under the root"))
    }
    var folder = realRoot
    for component in components.dropLast() {
      let next = folder + "/" + component
      var info = stat()
      if lstat(next, &info) != 0 {
        guard mkdir(next, 0o755) == 0 || errno == EEXIST else {
          return .failure(
            CacheDirectoryError(path: relative, reason: String(cString: strerror(errno))))
        }
        if folder == realRoot, component == name {
          let ignore = "# docproof's caches: nothing here belongs in git.\n*\n"
          try? AtomicFile.write(Data(ignore.utf8), to: next + "/.gitignore")
        }
      }
      // A folder, or a link to a folder, that stays inside the root.
      guard let real = FileTree.realPath(next), isInside(real, realRoot) else {
        return .failure(
          CacheDirectoryError(path: relative, reason: "\(component) leads outside the root"))
      }
      guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
        return .failure(CacheDirectoryError(path: relative, reason: "\(component) is not a folder"))
      }
      folder = real
    }
    return .success(folder + "/" + fileName)
  }

  /// The folder under `realRoot` where writes into the tree keep their temporary files
  /// (`.docproof-cache/tmp`, ignored by git), created as needed; `nil` when it cannot be.
  public static func temporaryFolder(realRoot: String) -> String? {
    guard case .success(let path) = pathForWriting(name + "/tmp/x", realRoot: realRoot) else {
      return nil
    }
    return (path as NSString).deletingLastPathComponent
  }

  private static func isInside(_ path: String, _ root: String) -> Bool {
    path.hasPrefix(root + "/")
  }
}

/// Why a cache file cannot be written where it should be.
public struct CacheDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
  public let path: String
  public let reason: String

  public var description: String { "cannot write \(path): \(reason)" }
}
