import Foundation
import TestSupport
import Testing

/// `program-output-drift` on the quickstart set docproof ships: a program whose output line
/// changes is caught at that line by `check docs --no-run`, without running it.
@Suite struct ProgramOutputDriftTests {
  static let includes = "docs/en-us/quickstarts/includes/access-tokens/"

  /// A copy of the repository's docs, golden files and the reference program the Swift
  /// include shows.
  func copy() throws -> URL {
    let folder = try Fixtures.copyOfShippedDocs("output-drift")
    return folder
  }

  func edit(_ folder: URL, _ file: String, _ old: String, _ new: String) throws {
    try Fixtures.edit(folder.appendingPathComponent(Self.includes + file), old, new)
  }

  @Test func theShippedDocsAgree() async throws {
    let result = try await BinaryRunner.docproof(
      ["check", "docs", "--no-run"], in: Fixtures.repositoryRoot)
    #expect(result.status == 0)
    #expect(
      result.stdout.hasSuffix(
        ", 30 of 30 programs shown agree with their transcripts\n"))
  }

  @Test func aChangedOutputLineInTheJavaScriptCSharpAndJavaProgramsIsCaughtThere() async throws {
    let folder = try copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    try edit(
      folder, "javascript.md", "console.log(`\\nDeleted the identity",
      "console.log(`\\nRemoved the identity")
    try edit(
      folder, "csharp.md", "Console.WriteLine($\"\\nDeleted the identity",
      "Console.WriteLine($\"\\nDeleted identity")
    try edit(
      folder, "java.md", "System.out.println(\"\\nCreated an identity with ID: \" + secondIdentity",
      "System.out.println(\"\\nCreated a second identity with ID: \" + secondIdentity")
    let result = try await BinaryRunner.docproof(["check", "docs", "--no-run"], in: folder)
    #expect(result.status == 1)
    let drift = result.stdout.split(separator: "\n").filter {
      $0.hasSuffix("[program-output-drift]")
    }
    let transcript = "8:acs:d4f3a9e2-7c1b-4b8e-9f26-5a0c3e81b7d4_00000024-"
    #expect(
      drift == [
        "\(Self.includes)csharp.md:87:1: error: the program prints 'Deleted identity with ID: …' where the transcript shows 'Deleted the identity with ID: \(transcript)6a3f-5c21-b1e7-593a0d00f512' [program-output-drift]",
        "\(Self.includes)java.md:106:1: error: the program prints 'Created a second identity with ID: …' where the transcript shows 'Created an identity with ID: \(transcript)6a4b-0bc1-e9a8-343a0d00a44b' [program-output-drift]",
        "\(Self.includes)javascript.md:78:1: error: the program prints 'Removed the identity with ID: …' where the transcript shows 'Deleted the identity with ID: \(transcript)6a2e-1b94-e2c3-593a0d00f4d8' [program-output-drift]",
      ])
    #expect(
      result.stdout.contains(
        "    note: the transcript: \(Self.includes)javascript.md:113\n"))
    #expect(result.stdout.hasSuffix(", 27 of 30 programs shown agree with their transcripts\n"))
    // Nothing else is an error: the translations only fall behind.
    let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 3)
  }

  @Test func aTranscriptLineThePythonProgramCannotPrintIsCaughtInTheTranscript() async throws {
    let folder = try copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The Python pivot runs for real in `make check`; --no-run still reads it.
    try edit(
      folder, "python.md", "Successfully revoked all access tokens for identity with ID: 8:acs",
      "Revoked every access token of the identity with ID: 8:acs")
    let result = try await BinaryRunner.docproof(["check", "docs", "--no-run"], in: folder)
    let drift = result.stdout.split(separator: "\n").filter {
      $0.hasSuffix("[program-output-drift]")
    }
    #expect(drift.count == 1, "\(result.stdout)")
    #expect(
      drift.first?.hasPrefix(
        "\(Self.includes)python.md:") == true)
    #expect(
      drift.first?.contains(
        "the program prints 'Successfully revoked all access tokens for identity with ID: …' where the transcript shows 'Revoked every access token of the identity with ID: 8:acs:"
      ) == true, "\(drift)")
  }

  @Test func aChangedOutputLineInTheRequestSigningProgramsIsCaughtThere() async throws {
    let folder = try copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let includes = "docs/en-us/quickstarts/includes/sign-request/"
    func edit(_ file: String, _ old: String, _ new: String) throws {
      try Fixtures.edit(folder.appendingPathComponent(includes + file), old, new)
    }
    try edit("csharp.md", "Console.WriteLine($\"Status: {", "Console.WriteLine($\"HTTP status: {")
    try edit("javascript.md", "console.log(`\\nContent hash: ", "console.log(`\\nBody hash: ")
    try edit(
      "java.md", "\"Its access token for chat expires at \"", "\"Its token for chat expires at \"")
    let result = try await BinaryRunner.docproof(["check", "docs", "--no-run"], in: folder)
    #expect(result.status == 1)
    let drift = result.stdout.split(separator: "\n").filter {
      $0.hasSuffix("[program-output-drift]")
    }
    #expect(
      drift == [
        "\(includes)csharp.md:76:1: error: the program prints 'HTTP status: …' where the transcript shows 'Status: 201' [program-output-drift]",
        "\(includes)java.md:87:1: error: the program prints 'Its token for chat expires at …' where the transcript shows 'Its access token for chat expires at 2026-12-07T09:21:44.5217843+00:00' [program-output-drift]",
        "\(includes)javascript.md:48:1: error: the program prints 'Body hash: …' where the transcript shows 'Content hash: WTRvgEjjVd+bvyKw3WgXgDkU81aV8FWq+4/BE+he0+A=' [program-output-drift]",
      ], "\(result.stdout)")
  }
}
