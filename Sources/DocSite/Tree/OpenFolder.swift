import DocModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder of the last file read, kept open, so that reading the files of one folder in
/// turn costs the kernel one name lookup each instead of a walk from the root. Close it
/// when done.
public struct OpenFolder {
  let tree: FileTree
  private var path: Substring?
  private var descriptor: Int32 = -1

  public init(tree: FileTree) { self.tree = tree }

  /// Reads the regular file at `path` (relative to the root), in its folder.
  public mutating func read(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    let folderPath = slash.map { path[..<$0] } ?? ""
    if folderPath != self.path {
      close()
      self.path = folderPath
      descriptor = open(
        tree.absolute(String(folderPath)), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }
    guard descriptor >= 0 else {
      // The folder cannot be opened: the whole path says why.
      return try FileReader.read(tree.absolute(path), limit: limit, regularFile: true)
    }
    let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
    return try FileReader.read(
      name, in: descriptor, path: tree.absolute(path), limit: limit, regularFile: true)
  }

  /// Closes the folder held open, if any.
  public mutating func close() {
    if descriptor >= 0 { Glibc.close(descriptor) }
    descriptor = -1
    path = nil
  }
}
