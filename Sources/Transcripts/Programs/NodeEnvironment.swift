import DocModel
import DocSite
import Foundation
import ProcessRunner

/// A folder with a scenario's npm packages, installed on first use and kept in the
/// project's `.docproof-cache/node/<key>/` (a `CachedFolder`).
enum NodeEnvironment {
  typealias SetupError = CachedFolder.SetupError

  /// The folder for `requirements` (npm package specifiers), ready to hold a program.
  static func prepare(
    requirements: [String], cache: String, runner: ProgramRunner, creating: () -> Void = {}
  ) async throws(SetupError) -> String {
    let directory =
      cache + "/" + StableHash.key(["npm"] + requirements.sorted())
    try await CachedFolder.prepare(
      directory, in: cache, marker: requirements.joined(separator: "\n")
    ) { () async throws(SetupError) in
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw SetupError(description: "cannot create \(directory): \(error.localizedDescription)")
      }
      guard !requirements.isEmpty else { return }
      guard let npm = ProgramStage.onPath("npm") else {
        throw SetupError(
          description:
            "npm is not installed, and the program needs \(requirements.joined(separator: " "))")
      }
      creating()
      let install = await runner.run(
        [npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", directory]
          + requirements,
        workingDirectory: directory, environment: ["npm_config_update_notifier": "false"],
        timeout: .seconds(300))
      guard install.succeeded else {
        throw SetupError(
          description:
            "npm could not install \(requirements.joined(separator: " ")) (\(install.outcome)); is the npm registry reachable?\n"
            + install.stderrTail())
      }
    }
    return directory
  }
}
