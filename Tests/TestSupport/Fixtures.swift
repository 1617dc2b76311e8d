import Foundation

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
}
