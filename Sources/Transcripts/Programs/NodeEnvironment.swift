import DocModel
import DocSite
import Foundation
import ProcessRunner

#if canImport(Glibc)
  import Glibc
#endif

/// A folder with a scenario's npm packages, installed on first use and kept in the
/// project's `.docproof-cache/node/<key>/` (delete it to start over). As for Python, a
/// marker is written only once `npm install` succeeded, under a lock.
enum NodeEnvironment {
  struct SetupError: Error, CustomStringConvertible {
    var description: String
  }

  /// The folder for `requirements` (npm package specifiers), ready to hold a program.
  static func prepare(
    requirements: [String], cache: String, runner: ProgramRunner, creating: () -> Void = {}
  ) async throws(SetupError) -> String {
    let directory =
      cache + "/" + StableHash.key(["npm"] + requirements.sorted())
    let ready = directory + "/.docproof-ready"
    if FileManager.default.fileExists(atPath: ready) { return directory }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw SetupError(description: "cannot create \(directory): \(error.localizedDescription)")
    }
    guard !requirements.isEmpty else {
      FileManager.default.createFile(atPath: ready, contents: Data())
      return directory
    }
    let lock = open(cache + "/.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lock >= 0 else { throw SetupError(description: "cannot lock \(cache)") }
    defer { close(lock) }
    flock(lock, LOCK_EX)
    defer { flock(lock, LOCK_UN) }
    if FileManager.default.fileExists(atPath: ready) { return directory }
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
    FileManager.default.createFile(
      atPath: ready, contents: Data(requirements.joined(separator: "\n").utf8))
    return directory
  }
}
