import Foundation
import Subprocess
import Testing

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// The package's executables, built beside the test bundle.
enum Products {
  /// The path of a built executable; fails the test with a hint when it is not built.
  static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> FilePath
  {
    let candidates = [
      Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0]),
    ].compactMap { $0?.resolvingSymlinksInPath().deletingLastPathComponent() }
    for directory in candidates {
      let url = directory.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) {
        return FilePath(url.path)
      }
    }
    let message =
      "'\(name)' is not built next to the tests (looked in \(candidates.map(\.path))); "
      + "run 'swift build' first."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    throw ProductNotBuilt(name: name)
  }
}

struct ProductNotBuilt: Error {
  let name: String
}

/// What a finished program wrote and how it ended.
struct ProgramRun: Sendable {
  let status: TerminationStatus
  let standardOutput: String
  let standardError: String

  /// Runs a program to completion with extra environment variables (a `nil` value removes
  /// one).
  static func run(
    _ path: FilePath, arguments: [String] = [], environment: [Environment.Key: String?] = [:]
  ) async throws -> ProgramRun {
    let result = try await Subprocess.run(
      .path(path), arguments: Arguments(arguments),
      environment: .inherit.updating(environment),
      output: .string(limit: 4 << 20), error: .string(limit: 4 << 20))
    return ProgramRun(
      status: result.terminationStatus, standardOutput: result.standardOutput,
      standardError: result.standardError)
  }
}
