import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every file and folder under a root, by relative path, found without leaving the root.
///
/// Symbolic links are resolved: one whose target lies outside the root is recorded as such
/// and never followed or read; a link loop or a dangling link is recorded as broken.
/// Names that start with `.` (`.git`, `.docproof-cache`) are skipped, but for the Learn
/// build's `.openpublishing.*` files.
public struct FileTree: Sendable {
  /// What a path in the tree is.
  public enum Entry: Sendable, Hashable {
    /// A regular file (its size is judged when it is read: `FileReader`'s limit).
    case file
    case directory
    /// A symbolic link that resolves outside the root: never read.
    case outsideRoot(target: String)
    /// A dangling symbolic link or a loop.
    case broken(reason: String)
  }

  /// The root as the user named it.
  public let rootPath: String
  /// The root's real path (symbolic links resolved).
  public let realRoot: String
  /// Every entry by path relative to the root, `/`-separated.
  public let entries: [String: Entry]
  /// Every entry with its path, in the order `String` sorts the paths.
  public let sorted: [(path: String, entry: Entry)]
  /// The names of the files in each folder (`""` for the root), sorted, for suggestions.
  public let fileNames: [String: [String]]
  /// The names of the folders in each folder, sorted, for suggestions.
  public let folderNames: [String: [String]]

  /// The path that exists when `path` is read without regard to case, one component at a
  /// time (`media/Azure-CNI/x.png` → `media/azure-cni/x.png`), if there is one.
  public func pathIgnoringCase(_ path: String, directory: Bool = false) -> String? {
    var found = ""
    let components = path.split(separator: "/")
    for (index, component) in components.enumerated() {
      let last = index == components.count - 1
      let names = (last && !directory ? fileNames[found] : folderNames[found]) ?? []
      let wanted = component.lowercased()
      guard let name = names.first(where: { $0.lowercased() == wanted }) else { return nil }
      found = found.isEmpty ? name : found + "/" + name
    }
    return found.isEmpty ? nil : found
  }

  /// The entry at a relative path.
  public subscript(path: String) -> Entry? { entries[path] }

  public func isFile(_ path: String) -> Bool {
    if case .file = entries[path] { return true }
    return false
  }

  public func isDirectory(_ path: String) -> Bool {
    path.isEmpty || entries[path] == .directory
  }

  /// Whether a folder on the way to `path` is a symbolic link out of the root (what lies
  /// beneath it is never listed, and must not be called missing).
  public func isBeneathLinkOutside(_ path: String) -> Bool {
    var end = path.endIndex
    while let slash = path[..<end].lastIndex(of: "/") {
      if case .outsideRoot = entries[String(path[..<slash])] { return true }
      end = slash
    }
    return false
  }

  /// The absolute path of a relative path, for reading.
  public func absolute(_ relative: String) -> String {
    relative.isEmpty ? realRoot : realRoot + "/" + relative
  }

  /// Walks the tree under `rootPath`, a level of folders at a time, the folders of a level
  /// in parallel. The kind of each entry comes from `readdir` (`d_type`): only symbolic
  /// links, and entries of file systems that do not say, cost a `stat`.
  public static func scan(_ rootPath: String) throws(SiteError) -> FileTree {
    guard let real = realPath(rootPath) else {
      throw SiteError.rootNotFound(rootPath)
    }
    var status = stat()
    guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
      throw SiteError.rootNotADirectory(rootPath)
    }
    var listings: [String: Listing] = [:]
    var visited: Set<String> = [real]
    var level = [Folder(relative: "", absolute: real)]
    while !level.isEmpty {
      let listed = Mutex<[Int: Listing]>([:])
      let folders = level
      DispatchQueue.concurrentPerform(iterations: folders.count) { index in
        let listing = list(folders[index], realRoot: real)
        listed.withLock { $0[index] = listing }
      }
      var next: [Folder] = []
      let all = listed.withLock { $0 }
      for index in folders.indices {
        guard let listing = all[index] else { continue }
        listings[folders[index].relative] = listing
        // A folder reached twice (through a link) is listed, not walked again.
        for folder in listing.folders where visited.insert(folder.absolute).inserted {
          next.append(folder)
        }
      }
      level = next
    }
    // Each folder's children are sorted by name, a sub-folder twice: itself by its name, what
    // it holds by its name with a `/` after it (`a` < `a-b` < `a/x`). A walk that takes them
    // in that order meets the paths in sorted order, with no sort of every path (on a large tree
    // the costliest part of a walk).
    var sorted: [(path: String, entry: Entry)] = []
    sorted.reserveCapacity(listings.values.reduce(0) { $0 + $1.children.count })
    func emit(_ folder: String) {
      guard let listing = listings[folder] else { return }
      for child in listing.children {
        if child.isSubtree { emit(child.path) } else { sorted.append((child.path, child.entry)) }
      }
    }
    emit("")
    var entries: [String: Entry] = [:]
    entries.reserveCapacity(sorted.count)
    for (path, entry) in sorted { entries[path] = entry }
    var fileNames: [String: [String]] = [:]
    var folderNames: [String: [String]] = [:]
    for (folder, listing) in listings {
      let names = listing.children.compactMap { $0.entry == .file ? $0.name : nil }
      if !names.isEmpty { fileNames[folder] = names }
      let folders = listing.children.compactMap {
        $0.entry == .directory && !$0.isSubtree ? $0.name : nil
      }
      if !folders.isEmpty { folderNames[folder] = folders }
    }
    return FileTree(
      rootPath: rootPath, realRoot: real, entries: entries, sorted: sorted, fileNames: fileNames,
      folderNames: folderNames)
  }

  /// A folder to list: its path from the root and its real path.
  private struct Folder: Sendable {
    var relative: String
    var absolute: String
  }

  /// An entry of a folder.
  private struct Child: Sendable {
    var name: String
    var path: String
    var entry: Entry
    /// The name; for a folder's subtree, the name with a `/` after it (see `scan`).
    var sortKey: String
    /// Whether this stands for what the folder `path` holds, not for the folder itself.
    var isSubtree = false
  }

  /// What one folder holds.
  private struct Listing: Sendable {
    /// Sorted by `sortKey`.
    var children: [Child] = []
    /// Sub-folders to walk.
    var folders: [Folder] = []
  }

  /// Lists one folder: every entry, links resolved (and judged against the root).
  private static func list(_ folder: Folder, realRoot real: String) -> Listing {
    var listing = Listing()
    guard let directory = opendir(folder.absolute) else { return listing }
    defer { closedir(directory) }
    let relative = folder.relative
    func add(_ name: String, _ path: String, _ entry: Entry) {
      listing.children.append(Child(name: name, path: path, entry: entry, sortKey: name))
    }
    while let entry = readdir(directory) {
      // `.`, `..` and every hidden name start with a dot; of those, only the Learn build's
      // own files (`.openpublishing.redirection.json`, ...) are kept, and only as files.
      let hidden = entry.pointee.d_name.0 == 0x2E
      if hidden, Int32(entry.pointee.d_type) != Int32(DT_REG),
        Int32(entry.pointee.d_type) != Int32(DT_UNKNOWN)
      {
        continue
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if hidden, !name.hasPrefix(learnConfigurationPrefix) { continue }
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      var kind: mode_t
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_REG):
        add(name, childRelative, .file)
        continue
      case Int32(DT_DIR): kind = S_IFDIR
      case Int32(DT_LNK): kind = S_IFLNK
      case Int32(DT_UNKNOWN):
        var info = stat()
        // Relative to the open folder: the kernel does not walk the whole path again.
        guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
        kind = info.st_mode & S_IFMT
        if hidden, kind != S_IFREG { continue }
      default:
        continue  // a FIFO, socket or device: never a document
      }
      let childAbsolute = folder.absolute + "/" + name
      var resolved = childAbsolute
      if kind == S_IFLNK {
        guard let target = realPath(childAbsolute) else {
          let reason = errno == ELOOP ? "a symbolic link loop" : "a dangling symbolic link"
          add(name, childRelative, .broken(reason: reason))
          continue
        }
        guard target == real || target.hasPrefix(real + "/") else {
          add(name, childRelative, .outsideRoot(target: target))
          continue
        }
        var info = stat()
        guard stat(target, &info) == 0 else {
          add(name, childRelative, .broken(reason: "a dangling symbolic link"))
          continue
        }
        kind = info.st_mode & S_IFMT
        resolved = target
      }
      if kind == S_IFDIR {
        add(name, childRelative, .directory)
        listing.children.append(
          Child(
            name: name, path: childRelative, entry: .directory, sortKey: name + "/",
            isSubtree: true))
        // Folders are walked by real path (a link's target came from `realpath`), so a plain
        // folder's real path is its absolute path: no more `realpath` calls.
        listing.folders.append(Folder(relative: childRelative, absolute: resolved))
      } else if kind == S_IFREG {
        add(name, childRelative, .file)
      }
    }
    listing.children.sort { $0.sortKey < $1.sortKey }
    return listing
  }

  /// The hidden files a walk keeps: the Learn build's configuration
  /// (`.openpublishing.publish.config.json`, `.openpublishing.redirection*.json`).
  static let learnConfigurationPrefix = ".openpublishing."

  /// The real path of a path (symbolic links resolved), or `nil` when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
