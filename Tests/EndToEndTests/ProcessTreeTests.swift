import Foundation
import TestSupport
import Testing

/// Nothing a scenario starts outlives it, or docproof: a grandchild that ignores SIGTERM,
/// one that left the process group with `setsid`, and docproof itself stopped by a signal.
@Suite(.serialized) struct ProcessTreeTests {
  /// A project whose scenario `tree` starts two stubborn background processes (each a
  /// `sleep` of a duration no other test uses, found by it) and waits.
  func project(marker: Int, timeout: Int, wait: String) throws -> TemporaryTree {
    let stubborn = "trap '' TERM; sleep \(marker)"
    return try TemporaryTree([
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        tree:
          command: [bash, -c, "(bash -c \\"\(stubborn)\\") & setsid bash -c \\"\(stubborn)\\" & \(wait)"]
          emulator: none
          timeout: \(timeout)
      """,
      "docs/en-us/page.md": "# P\n",
      "golden/tree.txt": "",
    ])
  }

  /// The processes still running `sleep MARKER`.
  func survivors(_ marker: Int) async throws -> String {
    let result = try await BinaryRunner.run(path: "/usr/bin/pgrep", ["-f", "sleep \(marker)"])
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func settle(_ marker: Int) async throws {
    // The kernel's kill of a namespace, or of a group, takes a moment to be seen.
    for _ in 0..<20 where try await !survivors(marker).isEmpty {
      try await Task.sleep(for: .milliseconds(100))
    }
  }

  @Test func aTimeoutStopsEveryProcessTheScenarioStarted() async throws {
    let marker = 313_370
    let tree = try project(marker: marker, timeout: 2, wait: "sleep 100")
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["run", "tree"], in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasSuffix(
        "docproof: scenario 'tree' timed out: its program ran longer than its timeout and was stopped\n"
      ))
    try await settle(marker)
    #expect(try await survivors(marker) == "", "nothing of the scenario is left running")
  }

  @Test func aProgramThatEndsLeavesNothingBehind() async throws {
    let marker = 313_371
    let tree = try project(marker: marker, timeout: 60, wait: "echo started")
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["run", "tree"], in: tree.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "started\n")
    try await settle(marker)
    #expect(try await survivors(marker) == "")
  }

  @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
  func docproofStoppedBySignalStopsItsScenarioAndExitsAsAShellReports(_ signal: Int32)
    async throws
  {
    let marker = 313_372 + Int(signal)
    let tree = try project(marker: marker, timeout: 120, wait: "sleep 100")
    defer { tree.remove() }
    let status = try await BinaryRunner.docproofWhileRunning(["run", "tree"], in: tree.url) {
      pid in
      // Until the scenario's stubborn processes are up.
      for _ in 0..<100 where try await survivors(marker).isEmpty {
        try await Task.sleep(for: .milliseconds(100))
      }
      #expect(try await !survivors(marker).isEmpty, "the scenario started")
      kill(pid, signal)
    }
    #expect(status == 128 + signal)
    try await settle(marker)
    #expect(try await survivors(marker) == "")
  }
}
