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
