import CheckPipeline
import Checks
import DocModel
import DocSite
import Foundation
import TestSupport
import Testing

/// The JSON Schema of docproof.yml that editors complete from says what the reader accepts:
/// the same keys, the same rule ids, and the same verdict on real files.
@Suite(.serialized) struct ConfigurationSchemaTests {
  typealias Keys = Configuration.Keys

  let schema: [String: Any]

  init() throws {
    let data = try Data(contentsOf: ConfigurationSchemaValidator.schema)
    schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The object at a path of keys in the schema.
  func object(_ path: String...) throws -> [String: Any] {
    var node: Any = schema
    for key in path {
      node = try #require((node as? [String: Any])?[key], "no \(path) in the schema")
    }
    return try #require(node as? [String: Any])
  }

  func propertyNames(_ path: String...) throws -> Set<String> {
    var node: Any = schema
    for key in path + ["properties"] {
      node = try #require((node as? [String: Any])?[key], "no \(path) in the schema")
    }
    return Set(try #require(node as? [String: Any]).keys)
  }

  @Test func namesTheKeysTheReaderAllows() throws {
    #expect(try propertyNames() == Set(Keys.top))
    #expect(try propertyNames("properties", "frontMatter") == Set(Keys.frontMatter))
    #expect(try propertyNames("properties", "links") == Set(Keys.links))
    #expect(
      try propertyNames("properties", "links", "properties", "external") == Set(Keys.external))
    #expect(try propertyNames("definitions", "scenario") == Set(Keys.scenario))
    #expect(try propertyNames("properties", "transcripts", "items") == Set(Keys.selector))
    #expect(try propertyNames("properties", "normalize", "items") == Set(Keys.normalize))
    let ignoreForms = try #require(
      try object("properties", "ignore", "items")["oneOf"] as? [[String: Any]])
    let ignoreObject = try #require(ignoreForms.last?["properties"] as? [String: Any])
    #expect(Set(ignoreObject.keys) == Set(Keys.ignore))
    for section in [schema, try object("definitions", "scenario")] {
      #expect(section["additionalProperties"] as? Bool == false, "unknown keys are errors")
    }
  }

  @Test func namesEveryRuleAndNothingElse() throws {
    let ids = try #require(try object("definitions", "ruleId")["enum"] as? [String])
    #expect(ids == RuleRegistry.knownIDs.map(\.rawValue).sorted())
  }

  static let valid: [String: String] = [
    "every-key.yml": """
    sourceLocale: en-us
    locales: [sv-se, de-de]
    zonePivotGroups: pivots.yml
    frontMatter:
      required: [title, ms.date]
    rules:
      pivot-id-unused: off
      link-redirected: warning
      bookmark-not-found: error
    ignore:
      - en-us/archive/**
      - path: en-us/legacy/**
        rules: [file-not-found]
    links:
      siteRoots:
        /azure/: en-us
      external:
        concurrency: 4
        timeout: 2.5
        retries: 0
        cache: .cache/links.json
        maxAge: 12h
        exclude: ['^https://localhost']
    maxFileSize: 512KB
    project: ..
    scenarios:
      reference:
        command: [.build/debug/access-tokens-quickstart, --verbose]
        workingDirectory: tools
        environment: {LANG: C}
        timeout: 90
        emulator: tls
        golden: golden/reference.txt
      python-pivot:
        runner: python
        pivot: programming-language-python
        requirements: [azure-communication-identity==1.5.0]
        interpreter: python3.11
        compareWith: reference
    transcripts:
      - scenario: reference
        files: en-us/**/quickstart*.md
        info: console
        lead: (?i)output
        contains: Created an identity
    normalize:
      - name: REQUEST-ID
        pattern: '[0-9a-f]{32}'
    translations: {ru-ru: ../docs.ru-ru}
    source: ../docs
    """,
    "empty.yml": "# nothing configured\n",
    "sizes.yml":
      "maxFileSize: 1048576\nlinks: {external: {maxAge: 3600}}\nrules: {file-not-found: info}\n",
  ]

  static let invalid: [String: (yaml: String, schemaSays: String)] = [
    "unknown-key.yml": ("sourcelocale: en-us\n", "Additional properties are not allowed"),
    "bad-severity.yml": ("rules: {file-not-found: fatal}\n", "fatal"),
    "unknown-rule.yml": ("rules: {file-not-foudn: off}\n", "file-not-foudn"),
    "bad-emulator.yml": (
      "scenarios: {demo: {command: [x], emulator: https}}\n", "'https' is not one of"
    ),
    "bad-locale.yml": ("locales: [english]\n", "english"),
    "bad-selector.yml": ("transcripts: [{files: '**'}]\n", "'scenario' is a required property"),
  ]

  @Test func acceptsWhatTheReaderAcceptsAndRejectsWhatItRejects() async throws {
    let folder = try Fixtures.temporaryDirectory("schema")
    defer { try? FileManager.default.removeItem(at: folder) }
    var validFiles = [
      Fixtures.repositoryRoot.appendingPathComponent("docs/docproof.yml").path,
      Fixtures.root.appendingPathComponent("sites/broken/docproof.yml").path,
      Fixtures.root.appendingPathComponent("sites/l10n/docproof.yml").path,
    ]
    for (name, text) in Self.valid {
      let url = folder.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      validFiles.append(url.path)
    }
    for path in validFiles {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(throws: Never.self, "\(path)") {
        try Configuration.parse(text, path: path, knownRules: RuleRegistry.knownIDs)
      }
    }
    var invalidFiles: [String: String] = [:]
    for (name, (text, _)) in Self.invalid {
      let url = folder.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      invalidFiles[name] = url.path
      #expect(throws: ConfigurationError.self, "\(name)") {
        try Configuration.parse(text, path: name, knownRules: RuleRegistry.knownIDs)
      }
    }
    let validator = try await ConfigurationSchemaValidator.prepare()
    #expect(try await validator.errors(validFiles) == [])
    let problems = try await validator.errors(invalidFiles.values.sorted())
    for (name, (_, says)) in Self.invalid {
      let path = try #require(invalidFiles[name])
      #expect(
        problems.contains { $0.hasPrefix(path + ":") && $0.contains(says) },
        "\(name): \(problems)")
    }
  }
}
