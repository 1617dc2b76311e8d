import Foundation
import TestSupport
import Testing

/// `golden update --pending`, `golden pending|review|accept|reject`: changed outputs wait
/// beside their golden files until someone accepts or rejects them.
@Suite struct GoldenReviewTests {
  static let stale = TranscriptStageTests.output.replacingOccurrences(
    of: "Deleted", with: "Removed")

  func text(_ tree: TemporaryTree, _ path: String) -> String? {
    try? String(contentsOf: tree.url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func pendingResultsWaitBesideTheGoldenFileUntilAcceptedOrRejected() async throws {
    let tree = try TranscriptStageTests().project(golden: Self.stale)
    defer { tree.remove() }

    let none = try await BinaryRunner.docproof(["golden", "pending"], in: tree.url)
    #expect(none.status == 0)
    #expect(none.stdout == "docproof: no pending results\n")

    // Written beside the golden file, which stays as it was; allowed under CI: nothing in
    // place changes.
    let update = try await BinaryRunner.docproof(
      ["golden", "update", "--pending"], in: tree.url, environment: ["CI": "true"])
    #expect(update.status == 0, "\(update.stderr)")
    #expect(update.stdout.hasPrefix("--- ../golden/demo.txt\n+++ ../golden/demo.txt\n"))
    #expect(update.stdout.contains("\n-Removed the identity with ID: "))
    #expect(update.stdout.contains("\n+Deleted the identity with ID: "))
    #expect(
      update.stdout.hasSuffix(
        """
        docproof: wrote ../golden/demo.txt.new (pending)
        docproof: 1 pending result: review with 'docproof golden review', or 'docproof golden accept' / 'reject'

        """))
    #expect(text(tree, "golden/demo.txt") == Self.stale)
    #expect(text(tree, "golden/demo.txt.new") == TranscriptStageTests.output)

    let listed = try await BinaryRunner.docproof(["golden", "pending"], in: tree.url)
    #expect(listed.status == 0)
    #expect(listed.stdout.contains("+Deleted the identity with ID: "))
    #expect(
      listed.stdout.contains("docproof: ../golden/demo.txt.new: pending result of 'demo'\n"))

    // Accepting writes in place: refused under CI unless asked for.
    let refused = try await BinaryRunner.docproof(
      ["golden", "accept"], in: tree.url, environment: ["CI": "true"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--write-in-ci"))
    #expect(text(tree, "golden/demo.txt") == Self.stale)

    let rejected = try await BinaryRunner.docproof(["golden", "reject", "demo"], in: tree.url)
    #expect(rejected.status == 0)
    #expect(rejected.stdout == "docproof: rejected ../golden/demo.txt.new\n")
    #expect(text(tree, "golden/demo.txt.new") == nil)
    #expect(text(tree, "golden/demo.txt") == Self.stale)

    let nothing = try await BinaryRunner.docproof(["golden", "accept", "demo"], in: tree.url)
    #expect(nothing.status == 2)
    #expect(
      nothing.stderr
        == "docproof: scenario 'demo' has no pending result (../golden/demo.txt.new)\n")

    _ = try await BinaryRunner.docproof(["golden", "update", "--pending"], in: tree.url)
    let accepted = try await BinaryRunner.docproof(["golden", "accept"], in: tree.url)
    #expect(accepted.status == 0)
    #expect(accepted.stdout == "docproof: accepted ../golden/demo.txt\n")
    #expect(text(tree, "golden/demo.txt") == TranscriptStageTests.output)
    #expect(text(tree, "golden/demo.txt.new") == nil)

    // An output that matches again removes a pending result left from before.
    try Data("left over".utf8).write(to: tree.url.appendingPathComponent("golden/demo.txt.new"))
    let upToDate = try await BinaryRunner.docproof(["golden", "update", "--pending"], in: tree.url)
    #expect(upToDate.stdout == "docproof: ../golden/demo.txt is up to date\n")
    #expect(text(tree, "golden/demo.txt.new") == nil)

    let both = try await BinaryRunner.docproof(
      ["golden", "update", "--pending", "--dry-run"], in: tree.url)
    #expect(both.status == 2)
    #expect(both.stderr.contains("choose one"))
  }

  @Test func reviewAsksOnATerminalOneResultAtATime() async throws {
    let tree = try TranscriptStageTests().project(golden: Self.stale)
    defer { tree.remove() }
    _ = try await BinaryRunner.docproof(["golden", "update", "--pending"], in: tree.url)

    let piped = try await BinaryRunner.docproof(["golden", "review"], in: tree.url)
    #expect(piped.status == 2)
    #expect(piped.stderr.contains("standard input is not one: use 'docproof golden accept'"))
    #expect(text(tree, "golden/demo.txt.new") == TranscriptStageTests.output)

    // On a terminal (script(1) gives it one): an unknown answer asks again, skip leaves
    // the result pending, accept replaces the golden file.
    func review(_ answers: String) async throws -> BinaryRunner.Result {
      try await BinaryRunner.run(
        path: "/bin/sh",
        [
          "-c", "printf '\(answers)' | script -qec \"$0 golden review\" /dev/null",
          BinaryRunner.docproofPath,
        ], in: tree.url)
    }
    let skipped = try await review("x\\ns\\n")
    #expect(skipped.status == 0, "\(skipped.stdout)\(skipped.stderr)")
    let prompt = "docproof: [1/1] 'demo': a accept, r reject, s skip, q quit? "
    #expect(skipped.stdout.components(separatedBy: prompt).count == 3, "asked twice")
    #expect(skipped.stdout.contains("0 accepted, 0 rejected, 1 still pending"))
    #expect(text(tree, "golden/demo.txt") == Self.stale)

    let accepted = try await review("a\\n")
    #expect(accepted.status == 0)
    #expect(accepted.stdout.contains("+Deleted the identity with ID: "))
    #expect(accepted.stdout.contains("docproof: accepted ../golden/demo.txt"))
    #expect(accepted.stdout.contains("1 accepted, 0 rejected, 0 still pending"))
    #expect(text(tree, "golden/demo.txt") == TranscriptStageTests.output)
    #expect(text(tree, "golden/demo.txt.new") == nil)
  }
}
