import Foundation

/// Writes small docs trees (path → text) into temporary folders for tests.
public struct TemporaryTree: Sendable {
  /// The folder holding the tree.
  public let url: URL
  public var path: String { url.path }

  /// Creates a tree from files; the folder is removed by `remove()`.
  public init(_ files: [String: String]) throws {
    url = try Fixtures.temporaryDirectory("docproof-tree")
    try write(files)
  }

  /// Creates a tree at a folder of the caller's (removed with it by `remove()`).
  public init(at url: URL, _ files: [String: String]) throws {
    self.url = url
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try write(files)
  }

  /// Adds or replaces files.
  public func write(_ files: [String: String]) throws {
    for (relative, text) in files {
      let file = url.appendingPathComponent(relative)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
  }

  /// Creates a symbolic link at `relative` pointing to `destination` (written as given).
  public func link(_ relative: String, to destination: String) throws {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: destination)
  }

  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
