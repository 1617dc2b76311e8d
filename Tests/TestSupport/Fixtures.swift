import Foundation
import Testing

/// Locations of the repository, its fixtures and the shared corpora, found from this file.
public enum Fixtures {
  /// The repository root.
  public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// `Tests/Fixtures`.
  public static let root = repositoryRoot.appendingPathComponent("Tests/Fixtures")

  /// A file or folder under `Tests/Fixtures`.
  public static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The bytes of a fixture file.
  public static func bytes(_ relativePath: String) throws -> [UInt8] {
    Array(try Data(contentsOf: url(relativePath)))
  }

  /// `../shared/corpora` beside the repository, where the real documentation trees are.
  public static let corpora = repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/corpora")

  /// A fresh temporary directory, removed by the caller.
  public static func temporaryDirectory(_ name: String = "docproof") throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// A temporary copy of the quickstart set docproof ships: `docs/`, `golden/` and the
  /// reference programs its Swift includes show as snippets. Removed by the caller.
  public static func copyOfShippedDocs(_ name: String) throws -> URL {
    let folder = try temporaryDirectory(name)
    for path in [
      "docs", "golden", "Sources/access-tokens-quickstart", "Sources/sign-request-quickstart",
    ] {
      let target = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(path), to: target)
    }
    return folder
  }

  /// Replaces text in a file of a copied tree; the text must be there.
  public static func edit(_ url: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    try #require(text.contains(old), "\(url.lastPathComponent) has no \(old)")
    try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
  }
}
