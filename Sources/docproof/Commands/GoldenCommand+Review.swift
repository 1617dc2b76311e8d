import ArgumentParser
import CheckPipeline
import DocModel
import DocSite
import Foundation
import Transcripts

#if canImport(Glibc)
  import Glibc
#endif

/// The pending results that `golden update --pending` leaves beside the golden files,
/// reviewed one by one or accepted or rejected all at once, as `cargo insta` reviews
/// `.snap.new` files.
extension GoldenCommand {
  /// A scenario's pending result, beside its golden file.
  struct PendingResult {
    var scenario: DocSite.Configuration.Scenario
    /// The golden file as reports show it.
    var label: String
    var golden: String?
    var pending: String

    var diff: String { GoldenUpdater.diff(old: golden, new: pending, label: label) }
  }

  /// The pending results of the scenarios selected; a scenario named on the command line
  /// without one is an error, since accepting or rejecting nothing is surely a slip.
  static func pendingResults(_ options: Options) throws -> (GoldenStore, [PendingResult]) {
    let (site, scenarios) = try options.scan()
    let store = GoldenStore(site: site)
    var results: [PendingResult] = []
    for scenario in scenarios {
      let label = store.reportPath(scenario, site: site)
      do {
        guard let pending = try store.readPending(scenario) else {
          if !options.scenarios.isEmpty {
            throw ToolFailure(
              "scenario '\(scenario.name)' has no pending result (\(label)\(GoldenStore.pendingSuffix))"
            )
          }
          continue
        }
        results.append(
          PendingResult(
            scenario: scenario, label: label, golden: try store.read(scenario), pending: pending))
      } catch let error as FileReadError {
        throw ToolFailure(error.description)
      }
    }
    return (store, results)
  }

  static func say(_ text: String) { print("docproof: \(text)") }

  struct Pending: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the pending results that 'golden update --pending' wrote, with their diffs.")

    @OptionGroup var options: Options

    func run() async throws {
      let (_, results) = try pendingResults(options)
      guard !results.isEmpty else { return say("no pending results") }
      for result in results {
        print(result.diff, terminator: "")
        say(
          "\(result.label)\(GoldenStore.pendingSuffix): pending result of '\(result.scenario.name)'"
        )
      }
      say(
        "\(results.count) pending result\(results.count == 1 ? "" : "s"): review with 'docproof golden review', or 'docproof golden accept' / 'reject'"
      )
    }
  }

  struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Review the pending results one by one on a terminal: accept, reject or skip each.")

    @OptionGroup var options: Options

    @Flag(help: "Accept even when CI is set (refused there otherwise).")
    var writeInCi = false

    func run() async throws {
      try CIWriteGuard.check("golden review", allowed: writeInCi)
      guard isatty(STDIN_FILENO) == 1 else {
        throw ToolFailure(
          "golden review asks on a terminal, and standard input is not one: use 'docproof golden accept' or 'reject' [SCENARIO ...]"
        )
      }
      let (store, results) = try pendingResults(options)
      guard !results.isEmpty else { return say("no pending results") }
      var counts = (accepted: 0, rejected: 0, skipped: 0)
      review: for (index, result) in results.enumerated() {
        print(result.diff, terminator: "")
        while true {
          print(
            "docproof: [\(index + 1)/\(results.count)] '\(result.scenario.name)': a accept, r reject, s skip, q quit? ",
            terminator: "")
          fflush(nil)
          guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else {
            // End of input: what is left stays pending.
            counts.skipped += results.count - index
            break review
          }
          switch answer {
          case "a", "accept":
            try perform { try store.acceptPending(result.scenario) }
            say("accepted \(result.label)")
            counts.accepted += 1
          case "r", "reject":
            try perform { try store.rejectPending(result.scenario) }
            say("rejected \(result.label)\(GoldenStore.pendingSuffix)")
            counts.rejected += 1
          case "s", "skip", "":
            counts.skipped += 1
          case "q", "quit":
            counts.skipped += results.count - index
            break review
          default:
            continue
          }
          break
        }
      }
      say(
        "\(counts.accepted) accepted, \(counts.rejected) rejected, \(counts.skipped) still pending")
    }
  }

  struct Accept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make every pending result (or those of the scenarios named) the golden file.")

    @OptionGroup var options: Options

    @Flag(help: "Write even when CI is set (refused there otherwise).")
    var writeInCi = false

    func run() async throws {
      try CIWriteGuard.check("golden accept", allowed: writeInCi)
      let (store, results) = try pendingResults(options)
      guard !results.isEmpty else { return say("no pending results") }
      for result in results {
        try perform { try store.acceptPending(result.scenario) }
        say("accepted \(result.label)")
      }
    }
  }

  struct Reject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete every pending result (or those of the scenarios named); golden files stay.")

    @OptionGroup var options: Options

    func run() async throws {
      let (store, results) = try pendingResults(options)
      guard !results.isEmpty else { return say("no pending results") }
      for result in results {
        try perform { try store.rejectPending(result.scenario) }
        say("rejected \(result.label)\(GoldenStore.pendingSuffix)")
      }
    }
  }
}

/// Runs a file operation; its failure stops the command with the reason (exit status 2).
private func perform(_ operation: () throws -> Void) throws {
  do { try operation() } catch let error as FileReadError {
    throw ToolFailure(error.description)
  } catch let failure as ToolFailure {
    throw failure
  } catch {
    throw ToolFailure("\(error)")
  }
}
