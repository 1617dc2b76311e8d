import DocModel
import DocSite
import Foundation
import ProcessRunner

/// A Python virtual environment with a scenario's requirements, created on first use and
/// kept in the project's `.docproof-cache/python/<key>/` (a `CachedFolder`).
struct PythonEnvironment: Sendable {
  let directory: String
  var python: String { directory + "/bin/python" }

  typealias SetupError = CachedFolder.SetupError

  /// The cache folder for environments, inside the project root.
  static func cacheFolder(projectRoot: String) -> String {
    projectRoot + "/.docproof-cache/python"
  }

  /// Returns a ready environment for `requirements`, creating it when needed (after calling
  /// `creating`, so that a user waiting for pip knows why).
  static func prepare(
    requirements: [String], interpreter: String, projectRoot: String, runner: ProgramRunner,
    creating: () -> Void = {}
  ) async throws(SetupError) -> PythonEnvironment {
    let key = StableHash.key([interpreter] + requirements.sorted())
    let folder = cacheFolder(projectRoot: projectRoot)
    let directory = folder + "/" + key
    let environment = PythonEnvironment(directory: directory)
    try await CachedFolder.prepare(
      directory, in: folder, marker: requirements.joined(separator: "\n")
    ) { () async throws(SetupError) in
      creating()
      try? FileManager.default.removeItem(atPath: directory)
      let create = await runner.run(
        [interpreter, "-m", "venv", directory], workingDirectory: projectRoot,
        timeout: .seconds(300))
      guard create.succeeded else {
        throw SetupError(
          description:
            "'\(interpreter) -m venv' failed (\(create.outcome)); on Debian, install python3-venv.\n"
            + create.stderrTail())
      }
      guard !requirements.isEmpty else { return }
      let install = await runner.run(
        [environment.python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
          + requirements,
        workingDirectory: projectRoot, environment: ["PIP_NO_INPUT": "1"], timeout: .seconds(600))
      guard install.succeeded else {
        throw SetupError(
          description:
            "pip could not install \(requirements.joined(separator: " ")) (\(install.outcome))\n"
            + install.stderrTail())
      }
    }
    return environment
  }
}
