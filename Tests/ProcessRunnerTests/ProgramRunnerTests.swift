import Foundation
import ProcessRunner
import TestSupport
import Testing

@Suite struct ProgramRunnerTests {
  let runner = ProgramRunner(outputLimit: 1 << 20, gracePeriod: .milliseconds(500))

  func script(_ body: String) throws -> (URL, String) {
    let folder = try Fixtures.temporaryDirectory("runner")
    let file = folder.appendingPathComponent("run.sh")
    try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    return (folder, "./run.sh")
  }

  @Test func capturesOutputAndStatus() async throws {
    let (folder, program) = try script("echo out; echo err >&2; echo \"$GREETING\"; exit 3")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = await runner.run(
      [program], workingDirectory: folder.path, environment: ["GREETING": "hej"],
      timeout: .seconds(60))
    #expect(run.outcome == .exited(3))
    #expect(String(decoding: run.stdout, as: UTF8.self) == "out\nhej\n")
    #expect(run.stderrTail() == "err\n")
  }

  @Test func timeoutEndsTheWholeProcessGroup() async throws {
    // The grandchild keeps stdout open and records its pid; it must not outlive the run.
    // The script's trap proves that it was stopped by the timeout's SIGTERM rather than
    // ending its own 120 s (the run's duration cannot: on a loaded machine it also counts
    // waiting for a free thread).
    let (folder, program) = try script(
      """
      trap 'echo stopped > stopped; exit 143' TERM
      sleep 120 &
      echo $! > grandchild.pid
      echo started
      sleep 120
      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = await runner.run(
      [program], workingDirectory: folder.path, timeout: .milliseconds(800))
    #expect(run.outcome == .timedOut)
    #expect(String(decoding: run.stdout, as: UTF8.self) == "started\n")
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("stopped").path),
      "stopped by SIGTERM, long before its own 120 s")
    let pidText = try String(
      contentsOf: folder.appendingPathComponent("grandchild.pid"), encoding: .utf8)
    let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
    // Gone, or a zombie waiting for init to reap it.
    var state = "gone"
    for _ in 0..<50 {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
        break
      }
      state = stat.split(separator: ")").last.map { String($0.dropFirst().prefix(1)) } ?? "?"
      if state == "Z" { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(
      state == "gone" || state == "Z", "the grandchild (pid \(pid)) is still running: \(state)")
  }

  /// Output past the cap is dropped, and the program stopped there: it is not left to run
  /// to no purpose (here it would print forever).
  @Test func outputBeyondTheLimitIsDroppedAndStopsTheProgram() async throws {
    let (folder, program) = try script("cat /dev/zero")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = await runner.run([program], workingDirectory: folder.path, timeout: .seconds(60))
    // Killed, not timed out: `cat /dev/zero` never ends by itself.
    #expect(run.outcome == .signaled(9))
    #expect(run.stdout.count == 1 << 20)
    #expect(run.stdoutTruncated)
    #expect(
      run.failure
        == "printed more output than docproof keeps (1 MB) and was stopped")
  }

  /// A program that closes its output before it exits (coreutils do, in an exit handler)
  /// exits as it would: what is left of it is killed only once it has.
  @Test func aProgramThatClosesItsOutputFirstIsNotKilledWhileItExits() async throws {
    let (folder, program) = try script("echo done; exec >&- 2>&-; sleep 0.2; exit 3")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = await runner.run([program], workingDirectory: folder.path, timeout: .seconds(60))
    #expect(run.outcome == .exited(3))
    #expect(String(decoding: run.stdout, as: UTF8.self) == "done\n")
  }

  @Test func missingAndNonExecutablePrograms() async throws {
    let folder = try Fixtures.temporaryDirectory("runner")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("x".utf8).write(to: folder.appendingPathComponent("plain.txt"))
    let missing = await runner.run(["./nope"], workingDirectory: folder.path, timeout: .seconds(5))
    #expect(missing.outcome == .failedToStart("./nope does not exist (in \(folder.path))"))
    let plain = await runner.run(
      ["./plain.txt"], workingDirectory: folder.path, timeout: .seconds(5))
    #expect(plain.outcome == .failedToStart("./plain.txt is not executable"))
    let unknown = await runner.run(
      ["docproof-no-such-command"], workingDirectory: folder.path, timeout: .seconds(5))
    guard case .failedToStart = unknown.outcome else {
      Issue.record("expected failedToStart, got \(unknown.outcome)")
      return
    }
  }

  @Test func signaledPrograms() async throws {
    let (folder, program) = try script("kill -9 $$")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = await runner.run([program], workingDirectory: folder.path, timeout: .seconds(10))
    #expect(run.outcome == .signaled(9))
  }
}
