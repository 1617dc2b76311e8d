import CheckPipeline
import Foundation

/// Refuses to write into a checkout in CI unless asked: a `--fix` or `golden update` left in
/// a workflow would otherwise rewrite pages or golden files, unreviewed, on every run.
enum CIWriteGuard {
  /// Whether `CI` is set the way CI services set it (anything but empty, `0` or `false`).
  static func inCI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    guard let value = environment["CI"] else { return false }
    return !["", "0", "false"].contains(value.lowercased())
  }

  /// Stops `command` (status 2) in CI unless `allowed` (`--write-in-ci`).
  static func check(
    _ command: String, allowed: Bool,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    guard !allowed, inCI(environment) else { return }
    throw ToolFailure(
      "\(command) writes into the checkout and CI is set: nothing written; add --dry-run to "
        + "see the changes, or --write-in-ci to write them")
  }
}
