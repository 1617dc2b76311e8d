import Foundation

/// Runs git in one folder for docproof's read-only questions: no optional locks (a check
/// never blocks a user's git), the C locale (stable messages), no pager.
public struct GitCommand: Sendable {
  /// What went wrong with one git run.
  public struct Failure: Error, Sendable {
    /// `git` and its arguments, for messages.
    public var command: String
    /// The end of git's standard error, or why it did not run.
    public var message: String
  }

  public let directory: String
  private let runner: ProgramRunner

  /// `outputLimit` bounds the standard output kept; more is a failure, not a silent cut.
  public init(directory: String, outputLimit: Int = 1 << 20) {
    self.directory = directory
    self.runner = ProgramRunner(outputLimit: outputLimit, gracePeriod: .seconds(1), sweeps: false)
  }

  /// git's standard output.
  public func run(_ arguments: [String], timeout: Duration = .seconds(120))
    async throws(Failure) -> String
  {
    String(decoding: try await bytes(arguments, timeout: timeout), as: UTF8.self)
  }

  /// git's standard output as bytes (a listing read in place, with no text made of it).
  public func bytes(_ arguments: [String], timeout: Duration = .seconds(120))
    async throws(Failure) -> [UInt8]
  {
    let command = "git " + arguments.joined(separator: " ")
    let run = await runner.run(
      ["git", "-C", directory] + arguments, workingDirectory: directory,
      environment: ["GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_PAGER": "cat"],
      timeout: timeout)
    guard run.succeeded else {
      throw Failure(
        command: command,
        message: run.stderrTail(lines: 3).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    guard !run.stdoutTruncated else {
      throw Failure(command: command, message: "more than \(runner.outputLimit) bytes of output")
    }
    return run.stdout
  }
}
