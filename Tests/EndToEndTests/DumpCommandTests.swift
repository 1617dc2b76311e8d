import Foundation
import TestSupport
import Testing

/// `docproof dump`, run as a user runs it: the built binary, its stdout, stderr and status.
@Suite struct DumpCommandTests {
  let pages = Fixtures.url("pages")

  @Test func printsThePageAsJSON() async throws {
    let result = try await BinaryRunner.docproof(["dump", "zones-valid.md"], in: pages)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let golden = try String(
      contentsOf: pages.appendingPathComponent("zones-valid.dump.json"), encoding: .utf8)
    #expect(result.stdout == golden)
  }

  @Test func jsonHasTheDesignKeys() async throws {
    let result = try await BinaryRunner.docproof(["dump", "zones-valid.md"], in: pages)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    for key in [
      "frontMatter", "zones", "includes", "headings", "links", "anchors", "codeBlocks",
      "diagnostics",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let zone = try #require((object["zones"] as? [[String: Any]])?.first)
    #expect(Set(zone.keys).isSuperset(of: ["pivots", "line", "endLine"]))
    let include = try #require((object["includes"] as? [[String: Any]])?.first)
    #expect(Set(include.keys).isSuperset(of: ["path", "line", "inline"]))
  }

  @Test func errorFindingsExitOne() async throws {
    let result = try await BinaryRunner.docproof(["dump", "zones-invalid.md"], in: pages)
    #expect(result.status == 1)
    #expect(result.stdout.contains("\"rule\" : \"invalid-zone\""))
    #expect(result.stderr == "")
  }

  @Test func warningsAloneExitZero() async throws {
    let result = try await BinaryRunner.docproof(["dump", "front-matter-duplicate.md"], in: pages)
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"severity\" : \"warning\""))
  }

  @Test func missingFileIsOneLineAndExitTwo() async throws {
    let result = try await BinaryRunner.docproof(["dump", "no-such-page.md"], in: pages)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == "docproof: cannot read no-such-page.md: no such file\n")
  }

  @Test func directoryIsOneLineAndExitTwo() async throws {
    let result = try await BinaryRunner.docproof(["dump", "."], in: pages)
    #expect(result.status == 2)
    #expect(result.stderr == "docproof: cannot read .: it is a directory\n")
  }

  @Test func unreadableFileIsOneLineAndExitTwo() async throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("secret.md")
    try Data("# x\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    let result = try await BinaryRunner.docproofUnprivileged(["dump", "secret.md"], in: directory)
    #expect(result.status == 2)
    #expect(result.stderr == "docproof: cannot read secret.md: permission denied\n")
  }

  @Test func invalidUTF8IsAFindingNotACrash() async throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data([0x23, 0x20, 0x41, 0xFF, 0x0A]).write(to: directory.appendingPathComponent("bad.md"))
    let result = try await BinaryRunner.docproof(["dump", "bad.md"], in: directory)
    #expect(result.status == 1)
    #expect(result.stdout.contains("\"rule\" : \"invalid-encoding\""))
  }

  @Test func missingArgumentIsAUsageErrorWithExitTwo() async throws {
    let result = try await BinaryRunner.docproof(["dump"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("Missing expected argument '<file>'"))
  }

  @Test func unknownSubcommandIsAUsageErrorWithExitTwo() async throws {
    let result = try await BinaryRunner.docproof(["frobnicate"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
  }

  @Test func helpExitsZero() async throws {
    let result = try await BinaryRunner.docproof(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("dump"))
  }
}

/// Files that are not regular files, or too large, are refused at once: never a wait on a
/// FIFO, never a device read to exhaustion.
@Suite struct UnreadableInputTests {
  /// `docproof` under `timeout`: a run that would hang ends with status 124 instead.
  func bounded(
    _ arguments: [String], in directory: URL? = nil, seconds: Int = 20
  ) async throws -> BinaryRunner.Result {
    try await BinaryRunner.run(
      path: "/usr/bin/timeout", [String(seconds), BinaryRunner.docproofPath] + arguments,
      in: directory)
  }

  @Test func dumpRefusesAFIFOADeviceAndAFileOverTheLimit() async throws {
    let folder = try Fixtures.temporaryDirectory("unreadable")
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("page.md").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let fromFIFO = try await bounded(["dump", fifo])
    #expect(fromFIFO.status == 2)
    #expect(
      fromFIFO.stderr
        == "docproof: cannot read \(fifo): it is not a regular file (a FIFO, socket or device)\n")
    let fromDevice = try await bounded(["dump", "/dev/zero"])
    #expect(fromDevice.status == 2)
    #expect(fromDevice.stderr.hasSuffix("it is not a regular file (a FIFO, socket or device)\n"))
    let big = folder.appendingPathComponent("big.md")
    try Data(repeating: UInt8(ascii: "a"), count: 2_000_000).write(to: big)
    let tooLarge = try await bounded(["dump", big.path, "--max-file-size", "1000000"])
    #expect(tooLarge.status == 2)
    #expect(
      tooLarge.stderr
        == "docproof: cannot read \(big.path): 2000000 bytes is more than the 1000000-byte limit\n")
  }

  @Test func aSnippetSourceThatIsAFIFODoesNotStopTheCheck() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": "frontMatter:\n  required: []\nproject: ..\n",
      "docs/en-us/page.md":
        "# P\n\n<!-- docproof: snippet ../../src/app.py -->\n```python\nprint(1)\n```\n",
    ])
    defer { tree.remove() }
    try FileManager.default.createDirectory(
      at: tree.url.appendingPathComponent("src"), withIntermediateDirectories: true)
    #expect(mkfifo(tree.path + "/src/app.py", 0o644) == 0)
    let result = try await bounded(["check", "docs", "--no-run"], in: tree.url)
    #expect(result.status == 1, "a finding, not a hang (124): \(result.stderr)")
    #expect(result.stdout.contains("it is not a regular file"))
  }

  /// A paragraph that makes cmark-gfm 0.29 quadratic (2 MB of links and emphasis took 21 s,
  /// so 8 MB takes over five minutes) is a finding naming it, and the run completes within
  /// its budget of processor time (13 s), also on a machine busy with other tests.
  @Test func aPageTheParserCannotFinishIsAFindingAndTheRunCompletes() async throws {
    let paragraph = String(repeating: "[link](ok.md) *e* ", count: 8 << 20 / 18)
    let tree = try TemporaryTree([
      "docs/docproof.yml": "frontMatter:\n  required: []\n",
      "docs/en-us/slow.md": "# Slow\n\n" + paragraph + "\n",
      "docs/en-us/ok.md": "# OK\n\n[broken](nowhere.md)\n",
    ])
    defer { tree.remove() }
    let result = try await bounded(["check", "docs"], in: tree.url, seconds: 180)
    #expect(result.status == 1, "completed (not 124): \(result.stderr)")
    #expect(
      result.stdout.contains(
        "en-us/slow.md:3:1: warning: not checked: the Markdown parser did not finish this file within 13 s [file-too-complex]"
      ))
    #expect(
      result.stdout.contains(
        "with \(8 << 20 / 18) '[' and \(2 * (8 << 20 / 18)) emphasis delimiters"))
    #expect(
      result.stdout.contains("en-us/ok.md:3:1: error: link target 'nowhere.md' not found"))
  }
}
