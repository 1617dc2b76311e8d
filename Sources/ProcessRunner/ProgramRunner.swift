import Foundation
import Subprocess
import Synchronization

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// How a program run ended, and what it printed.
public struct ProgramRun: Sendable {
  public enum Outcome: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    /// It ran past its timeout; its whole process group was stopped.
    case timedOut
    /// It could not be started (not found, not executable).
    case failedToStart(String)
  }

  public var outcome: Outcome
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  /// Output beyond the limit was dropped.
  public var stdoutTruncated: Bool
  public var stderrTruncated: Bool
  public var duration: Duration
  /// The most output kept of each stream, in bytes.
  public var outputLimit = 0

  public var succeeded: Bool { outcome == .exited(0) }

  /// A run that never started, and why.
  public static func failedToStart(_ reason: String) -> ProgramRun {
    ProgramRun(
      outcome: .failedToStart(reason), stdout: [], stderr: [], stdoutTruncated: false,
      stderrTruncated: false, duration: .zero)
  }

  /// Why a run failed, or `nil` when it succeeded.
  public var failure: String? {
    switch outcome {
    case _ where stdoutTruncated || stderrTruncated:
      let limit =
        outputLimit % (1 << 20) == 0 ? "\(outputLimit >> 20) MB" : "\(outputLimit) bytes"
      return "printed more output than docproof keeps (\(limit)) and was stopped"
    case .exited(0):
      if stdout.contains(0) { return "printed binary output (NUL bytes)" }
      if String(validating: stdout, as: UTF8.self) == nil {
        return "printed output that is not UTF-8"
      }
      return nil
    case .exited(let code): return "failed: its program exited with status \(code)"
    case .signaled(let signal): return "failed: its program was killed by signal \(signal)"
    case .timedOut: return "timed out: its program ran longer than its timeout and was stopped"
    case .failedToStart(let reason): return "could not start: \(reason)"
    }
  }

  /// The last lines of standard error, for messages.
  public func stderrTail(lines: Int = 15) -> String {
    let text = String(decoding: stderr, as: UTF8.self)
    let all = text.split(separator: "\n", omittingEmptySubsequences: false)
    return all.suffix(lines + (all.last?.isEmpty == true ? 1 : 0)).joined(separator: "\n")
  }
}

/// Runs programs through swift-subprocess in their own process group, so that a timeout
/// ends the program and everything it started.
public struct ProgramRunner: Sendable {
  /// Bytes kept of each of stdout and stderr.
  public var outputLimit: Int
  /// Time between SIGTERM and SIGKILL when a run times out.
  public var gracePeriod: Duration
  /// Whether what the program leaves behind is swept when it ends (see `ProcessReaper`):
  /// scenarios' programs are; docproof's own git questions, which may run side by side,
  /// only have their process group killed.
  public var sweeps: Bool

  public init(
    outputLimit: Int = 16 << 20, gracePeriod: Duration = .seconds(2), sweeps: Bool = true
  ) {
    self.outputLimit = outputLimit
    self.gracePeriod = gracePeriod
    self.sweeps = sweeps
  }

  public func run(
    _ command: [String], workingDirectory: String, environment: [String: String] = [:],
    timeout: Duration
  ) async -> ProgramRun {
    let start = ContinuousClock.now
    guard let program = command.first, !program.isEmpty else {
      return .failedToStart("the command is empty")
    }
    var overrides: [Environment.Key: String?] = [:]
    for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
    let executable: Executable
    if program.contains("/") {
      let path = program.hasPrefix("/") ? program : workingDirectory + "/" + program
      guard FileManager.default.isExecutableFile(atPath: path) else {
        let reason =
          FileManager.default.fileExists(atPath: path)
          ? "\(program) is not executable" : "\(program) does not exist (in \(workingDirectory))"
        return .failedToStart(reason)
      }
      executable = .path(FilePath(path))
    } else {
      // Found on PATH here, with `access`: given a name, swift-subprocess starts a process
      // for each PATH entry until one runs, about a millisecond per entry that lacks it.
      // When the search finds nothing, the name goes on and fails as it did before.
      let name = Executable.name(program)
      if let path = try? await name.resolveExecutablePath(in: .inherit.updating(overrides)) {
        executable = .path(path)
      } else {
        executable = name
      }
    }
    var options = PlatformOptions()
    options.processGroupID = 0  // a new group led by the program
    let limit = outputLimit
    let grace = gracePeriod
    let timedOutFlag = TimeoutFlag()

    enum Event: Sendable {
      case stdout([UInt8], Bool)
      case stderr([UInt8], Bool)
      case timedOut
    }

    do {
      let result = try await Subprocess.run(
        executable, arguments: Arguments(Array(command.dropFirst())),
        environment: .inherit.updating(overrides),
        workingDirectory: FilePath(workingDirectory), platformOptions: options,
        input: .none, output: .sequence, error: .sequence
      ) { execution in
        let processGroup = pid_t(execution.processIdentifier.value)
        let sweeps = self.sweeps
        if sweeps { ProcessReaper.register(processGroup) }
        // What it started goes with it: its process group, and (docproof being a subreaper)
        // whatever left the group.
        defer {
          if sweeps { ProcessReaper.finish(processGroup) } else { killpg(processGroup, SIGKILL) }
        }
        // Output past the cap stops the program: it is not left running to no purpose.
        let capped: @Sendable () -> Void = { killpg(processGroup, SIGKILL) }
        return try await withThrowingTaskGroup(of: Event.self) { group in
          group.addTask {
            let (bytes, truncated) = try await Self.collect(
              execution.standardOutput, limit: limit, capped: capped)
            return .stdout(bytes, truncated)
          }
          group.addTask {
            let (bytes, truncated) = try await Self.collect(
              execution.standardError, limit: limit, capped: capped)
            return .stderr(bytes, truncated)
          }
          group.addTask {
            try await Task.sleep(for: timeout)
            timedOutFlag.set()
            try? execution.send(signal: .terminate, toProcessGroup: true)
            try await Task.sleep(for: grace)
            try? execution.send(signal: .kill, toProcessGroup: true)
            return .timedOut
          }
          var stdout: ([UInt8], Bool) = ([], false)
          var stderr: ([UInt8], Bool) = ([], false)
          var streams = 0
          var timedOut = false
          while streams < 2, let event = try await group.next() {
            switch event {
            case .stdout(let bytes, let truncated):
              stdout = (bytes, truncated)
              streams += 1
            case .stderr(let bytes, let truncated):
              stderr = (bytes, truncated)
              streams += 1
            case .timedOut:
              timedOut = true
            }
          }
          group.cancelAll()
          // Both streams end when the program closes them, which may be just before it
          // exits (coreutils close theirs in an exit handler): killing its group at once
          // could end it with SIGKILL in the middle of a successful exit.
          if !timedOut { await Self.awaitExit(processGroup, within: grace) }
          return (stdout, stderr, timedOut || timedOutFlag.isSet)
        }
      }
      let (stdout, stderr, timedOut) = result.closureResult
      let outcome: ProgramRun.Outcome
      if timedOut {
        outcome = .timedOut
      } else {
        switch result.terminationStatus {
        case .exited(let code): outcome = .exited(Int32(code))
        case .signaled(let signal): outcome = .signaled(Int32(signal))
        }
      }
      return ProgramRun(
        outcome: outcome, stdout: stdout.0, stderr: stderr.0, stdoutTruncated: stdout.1,
        stderrTruncated: stderr.1, duration: ContinuousClock.now - start, outputLimit: limit)
    } catch {
      return ProgramRun(
        outcome: .failedToStart("\(program): \(error)"), stdout: [], stderr: [],
        stdoutTruncated: false, stderrTruncated: false, duration: ContinuousClock.now - start)
    }
  }

  /// Waits, at most `limit`, until process `pid` has exited (a zombie its runner has not
  /// reaped yet, or gone), without reaping it.
  static func awaitExit(_ pid: pid_t, within limit: Duration) async {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return }
      // `pid (name) state ...`: the name may hold spaces and parentheses.
      if stat[stat.index(after: close)...].split(separator: " ").first == "Z" { return }
      try? await Task.sleep(for: .milliseconds(2))
    }
  }

  /// Set once a run's timeout has fired.
  final class TimeoutFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
  }

  /// Reads a stream to its end, keeping at most `limit` bytes; `capped` is called once
  /// when more arrives.
  static func collect(
    _ sequence: SubprocessOutputSequence, limit: Int, capped: @Sendable () -> Void = {}
  ) async throws -> ([UInt8], Bool) {
    var bytes: [UInt8] = []
    var truncated = false
    for try await buffer in sequence {
      guard bytes.count < limit else {
        if !truncated { capped() }
        truncated = true
        continue
      }
      buffer.withUnsafeBytes { raw in
        let room = limit - bytes.count
        bytes.append(contentsOf: raw.prefix(room))
        if raw.count > room {
          if !truncated { capped() }
          truncated = true
        }
      }
    }
    return (bytes, truncated)
  }
}
