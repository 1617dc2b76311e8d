import Foundation
import Synchronization
import Testing

/// A Python virtual environment under `.build/test-venvs/NAME` with packages from PyPI, made
/// once and kept, for tests that check docproof's output with a Python tool.
public struct PythonVenv: Sendable {
  /// The environment's interpreter.
  public let python: String

  /// The environments being made or made in this test process, by name: tests that run at
  /// once and need the same one wait for the one that makes it.
  static let preparing = Mutex<[String: Task<PythonVenv, any Error>]>([:])

  /// The environment, created and filled with `packages` (pip requirement specifiers) on
  /// first use.
  public static func prepare(_ name: String, packages: [String]) async throws -> PythonVenv {
    let task = preparing.withLock { tasks in
      if let task = tasks[name] { return task }
      let task = Task { try await make(name, packages: packages) }
      tasks[name] = task
      return task
    }
    return try await task.value
  }

  static func make(_ name: String, packages: [String]) async throws -> PythonVenv {
    let directory = Fixtures.repositoryRoot.appendingPathComponent(".build/test-venvs/\(name)")
      .path
    let python = directory + "/bin/python"
    // The marker names the packages: a changed list makes a new environment.
    let ready = directory + "/.ready"
    let wanted = packages.joined(separator: "\n")
    if (try? String(contentsOfFile: ready, encoding: .utf8)) != wanted {
      try? FileManager.default.removeItem(atPath: directory)
      let create = try await BinaryRunner.run(path: "/usr/bin/python3", ["-m", "venv", directory])
      try #require(create.status == 0, "python3 -m venv: \(create.stderr)")
      let install = try await BinaryRunner.run(
        path: python,
        ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + packages,
        environment: ["PIP_NO_INPUT": "1"])
      try #require(install.status == 0, "pip install \(packages): \(install.stderr)")
      try Data(wanted.utf8).write(to: URL(fileURLWithPath: ready))
    }
    return PythonVenv(python: python)
  }

  /// Runs a script with arguments in the environment; its output, one line per item.
  public func run(_ script: String, _ arguments: [String]) async throws -> [String] {
    let result = try await BinaryRunner.run(path: python, ["-c", script] + arguments)
    try #require(result.status == 0, "the script did not run: \(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
  }
}

/// docproof.yml files checked against the JSON Schema the repository ships
/// (`schemas/docproof.schema.json`), with Python's jsonschema and PyYAML, as an editor's
/// YAML language server reads them.
public struct ConfigurationSchemaValidator: Sendable {
  public static let schema = Fixtures.repositoryRoot.appendingPathComponent(
    "schemas/docproof.schema.json")

  static let script = """
    import json, sys, yaml
    from jsonschema import Draft7Validator
    validator = Draft7Validator(json.load(open(sys.argv[1])), format_checker=Draft7Validator.FORMAT_CHECKER)
    for path in sys.argv[2:]:
        document = yaml.safe_load(open(path))
        for error in sorted(validator.iter_errors(document), key=str):
            print(path + ":", error.message, "at", "/".join(map(str, error.absolute_path)))
    """

  let venv: PythonVenv

  public static func prepare() async throws -> ConfigurationSchemaValidator {
    ConfigurationSchemaValidator(
      venv: try await PythonVenv.prepare(
        "config-schema", packages: ["jsonschema>=4,<5", "PyYAML>=6,<7"]))
  }

  /// What the schema says about each file, one line per problem; none when all are valid.
  public func errors(_ files: [String]) async throws -> [String] {
    try await venv.run(Self.script, [Self.schema.path] + files)
  }
}
