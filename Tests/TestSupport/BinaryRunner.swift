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

  /// The run's "now" for reports that count days (`SOURCE_DATE_EPOCH`, 2026-12-01T00:00Z):
  /// a test's expected output does not change with the day it runs.
  public static let fixedNow = "1796083200"

  /// Runs `docproof` with arguments in a working directory (`SOURCE_DATE_EPOCH` fixed
  /// unless the environment given sets it).
  public static func docproof(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) async throws -> Result {
    try await run(
      path: docproofPath, arguments, in: directory,
      environment: ["SOURCE_DATE_EPOCH": fixedNow].merging(environment) { $1 })
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
    // Written with O_CLOEXEC: a process another test spawns meanwhile must not inherit the
    // descriptor, or running the copy fails with "text file busy".
    let binary = try Data(contentsOf: URL(fileURLWithPath: docproofPath))
    let descriptor = open(copy.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    let written = binary.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    guard written == binary.count else { throw POSIXError(.EIO) }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
    return try await run(
      path: "/usr/bin/setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments,
      in: directory)
  }

  /// Runs any executable.
  /// Runs docproof with its output discarded and calls `body` with its process id while it
  /// runs (to signal it); returns its exit status, 128+signal when a signal ended it. Through
  /// swift-subprocess, as every other run: Foundation's `Process` beside it can miss a
  /// child's exit and wait forever.
  public static func docproofWhileRunning(
    _ arguments: [String], in directory: URL, _ body: @escaping (Int32) async throws -> Void
  ) async throws -> Int32 {
    let result = try await Subprocess.run(
      .path(FilePath(docproofPath)), arguments: Arguments(arguments),
      environment: .inherit.updating(["CI": ""]),
      workingDirectory: FilePath(directory.path), input: .none, output: .discarded,
      error: .discarded
    ) { execution in
      try await body(execution.processIdentifier.value)
    }
    switch result.terminationStatus {
    case .exited(let code): return Int32(code)
    case .signaled(let signal): return 128 + Int32(signal)
    }
  }

  public static func run(
    path: String, _ arguments: [String], in directory: URL? = nil,
    environment: [String: String] = [:]
  ) async throws -> Result {
    // Tests run docproof as a writer does, outside CI, unless they set CI themselves: the
    // suite's own CI=1 must not refuse the writes they test.
    var overrides: [Environment.Key: String?] = ["CI": ""]
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

  /// Runs `docproof`, its output discarded, and kills it with SIGKILL as soon as `until`
  /// returns (it is given the process id); returns once the process is reaped. Spawned and
  /// reaped here with `posix_spawn` and `waitpid`: a process monitor that misses the exit
  /// of a killed child would hang the test, this one polls.
  /// Whether a child has not exited yet (a zombie has: `kill(pid, 0)` still succeeds on
  /// it). Looks without reaping it.
  public static func isRunning(_ pid: Int32) -> Bool {
    var info = siginfo_t()
    guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
    return info._sifields._sigchld.si_pid == 0
  }

  public static func docproofKilled(
    _ arguments: [String], in directory: URL,
    until: @escaping @Sendable (_ pid: Int32) async throws -> Void
  ) async throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The shell closes every descriptor the test process had open (posix_spawn keeps those
    // without O_CLOEXEC), unsets CI as `run` does (a --fix in CI is refused), changes folder
    // and execs docproof in the same process (same pid).
    let script = """
      for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done
      unset CI
      cd "$1" && shift && exec "$@"
      """
    let argv =
      (["/bin/bash", "-c", script, "bash", directory.path, docproofPath] + arguments)
      .map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
    }
    var failure: (any Error)?
    do { try await until(pid) } catch { failure = error }
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 { try? await Task.sleep(for: .milliseconds(2)) }
    if let failure { throw failure }
  }
}
