import Foundation
import Subprocess

#if canImport(Glibc)
  import Glibc
#endif

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// Runs the built `docproof` binary, as a user would, and captures what it prints.
public enum BinaryRunner {
  /// What a run printed and how it ended.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The `docproof` executable built beside the test bundle.
  public static var docproofPath: String {
    if let explicit = ProcessInfo.processInfo.environment["DOCPROOF_BINARY"] { return explicit }
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidate = products
    // The test runner lives in `<products>/docproofPackageTests.xctest` or beside it.
    for _ in 0..<3 {
      let binary = candidate.appendingPathComponent("docproof")
      if FileManager.default.isExecutableFile(atPath: binary.path) { return binary.path }
      candidate = candidate.deletingLastPathComponent()
    }
    return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/docproof").path
  }

  /// Runs `docproof` with arguments in a working directory.
  public static func docproof(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) async throws -> Result {
    try await run(path: docproofPath, arguments, in: directory, environment: environment)
  }

  /// Runs `docproof` as an unprivileged user (through `setpriv`, as `nobody`, when the tests
  /// run as root), so that file permissions apply: root reads everything.
  public static func docproofUnprivileged(_ arguments: [String], in directory: URL? = nil)
    async throws -> Result
  {
    guard getuid() == 0 else { return try await docproof(arguments, in: directory) }
    // The build folder may sit where `nobody` cannot reach (under /root): run a copy.
    let folder = try Fixtures.temporaryDirectory("docproof-binary")
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("docproof")
    try FileManager.default.copyItem(atPath: docproofPath, toPath: copy.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
    return try await run(
      path: "/usr/bin/setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments,
      in: directory)
  }

  /// Runs any executable.
  public static func run(
    path: String, _ arguments: [String], in directory: URL? = nil,
    environment: [String: String] = [:]
  ) async throws -> Result {
    var overrides: [Environment.Key: String?] = [:]
    for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
    let result = try await Subprocess.run(
      .path(FilePath(path)),
      arguments: Arguments(arguments),
      environment: .inherit.updating(overrides),
      workingDirectory: directory.map { FilePath($0.path) },
      output: .string(limit: 64 << 20),
      error: .string(limit: 64 << 20)
    )
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = Int32(code)
    case .signaled(let signal): status = 128 + Int32(signal)
    }
    return Result(
      status: status, stdout: result.standardOutput ?? "", stderr: result.standardError ?? "")
  }
}
