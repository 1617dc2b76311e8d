import DocModel
import DocSite
import Foundation
import ProcessRunner
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A Python virtual environment with a scenario's requirements, created on first use and
/// kept in the project's `.docproof-cache/python/<key>/` (delete that folder to start
/// over). A marker file is written only once `pip install` succeeded, and creation holds a
/// lock, so an interrupted or concurrent run never uses a half-built environment.
public struct PythonEnvironment: Sendable {
  public let directory: String
  public var python: String { directory + "/bin/python" }

  /// Why an environment could not be made.
  public struct SetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The cache folder for environments, inside the project root.
  public static func cacheFolder(projectRoot: String) -> String {
    projectRoot + "/.docproof-cache/python"
  }

  /// Returns a ready environment for `requirements`, creating it when needed (after calling
  /// `creating`, so that a user waiting for pip knows why).
  public static func prepare(
    requirements: [String], interpreter: String, projectRoot: String, runner: ProgramRunner,
    creating: () -> Void = {}
  ) async throws(SetupError) -> PythonEnvironment {
    let key = StableHash.key([interpreter] + requirements.sorted())
    let folder = cacheFolder(projectRoot: projectRoot)
    let directory = folder + "/" + key
    let environment = PythonEnvironment(directory: directory)
    let ready = directory + "/.docproof-ready"
    if FileManager.default.fileExists(atPath: ready) { return environment }

    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw SetupError(description: "cannot create \(folder): \(error.localizedDescription)")
    }
    let lock = open(folder + "/.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lock >= 0 else { throw SetupError(description: "cannot lock \(folder)") }
    defer { close(lock) }
    flock(lock, LOCK_EX)
    defer { flock(lock, LOCK_UN) }
    if FileManager.default.fileExists(atPath: ready) { return environment }

    creating()
    try? FileManager.default.removeItem(atPath: directory)
    let create = await runner.run(
      [interpreter, "-m", "venv", directory], workingDirectory: projectRoot, timeout: .seconds(300))
    guard create.succeeded else {
      throw SetupError(
        description:
          "'\(interpreter) -m venv' failed (\(create.outcome)); on Debian, install python3-venv.\n"
          + create.stderrTail())
    }
    if !requirements.isEmpty {
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
    FileManager.default.createFile(
      atPath: ready, contents: Data(requirements.joined(separator: "\n").utf8))
    return environment
  }

}
