import Foundation
import TestSupport
import Testing

/// `runner: node` and `runner: java`: the JavaScript and Java programs of the request-signing
/// quickstart run for real against the emulator over TLS, and a bug planted in either is
/// caught at its include.
@Suite struct DocsRunnersTests {
  static let includes = "docs/en-us/quickstarts/includes/sign-request/"

  /// A copy of the repository's docs and golden files whose reference scenarios print their
  /// golden files (the Swift references are proven by `make check`), keeping the Python,
  /// JavaScript and Java runs of the request-signing quickstart.
  func copy() throws -> URL {
    let folder = try Fixtures.copyOfShippedDocs("docs-runners")
    let configuration = folder.appendingPathComponent("docs/docproof.yml")
    var text = try String(contentsOf: configuration, encoding: .utf8)
    for name in ["access-tokens", "sign-request"] {
      text = text.replacingOccurrences(
        of: "command: [.build/debug/\(name)-quickstart]", with: "command: [cat, golden/\(name).txt]"
      )
    }
    // The access-tokens Python run needs the SDK from PyPI: other suites prove it.
    let python = try #require(text.range(of: "  # The Python pivot's own program"))
    let end = try #require(
      text.range(of: "compareWith: access-tokens\n", range: python.upperBound..<text.endIndex))
    text.removeSubrange(python.lowerBound..<end.upperBound)
    try Data(text.utf8).write(to: configuration)
    return folder
  }

  func edit(_ folder: URL, _ file: String, _ old: String, _ new: String) throws {
    try Fixtures.edit(folder.appendingPathComponent(Self.includes + file), old, new)
  }

  @Test func pythonJavaScriptAndJavaRunAndMatchTheReference() async throws {
    let folder = try copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try await BinaryRunner.docproof(["check", "docs", "--format", "json"], in: folder)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    struct Report: Decodable {
      struct Summary: Decodable {
        struct Proven: Decodable {
          struct Run: Decodable {
            var name, runner, result: String
          }
          var programs: [Run]
        }
        var proven: Proven
      }
      var summary: Summary
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    let runs = report.summary.proven.programs.map { "\($0.runner) \($0.result) \($0.name)" }
    for (runner, language) in [("python", "python"), ("node", "javascript"), ("java", "java")] {
      // Translations have three more lines of front matter before the program.
      for (locale, line) in [("en-us", 19), ("sv-se", 22), ("de-de", 22)] {
        #expect(
          runs.contains(
            "\(runner) passed sign-request-\(language): docs/\(locale)/quickstarts/includes/sign-request/\(language).md:\(line)"
          ), "\(runs)")
      }
    }
  }

  @Test func aBugPlantedInTheJavaScriptOrJavaProgramIsCaughtAtItsInclude() async throws {
    let folder = try copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    // JavaScript: the host without its port is signed, the service answers 401, the program
    // fails reading the identity. Java: the wrong method is signed, and the program prints
    // the 401 instead of the identity.
    try edit(folder, "javascript.md", "${date};${url.host};", "${date};${url.hostname};")
    try edit(
      folder, "java.md", "String stringToSign = \"POST\\n\"", "String stringToSign = \"PUT\\n\"")
    let result = try await BinaryRunner.docproof(
      ["check", "docs", "--locale", "en-us"], in: folder)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "\(Self.includes)javascript.md:19:1: error: the JavaScript program on pivot 'programming-language-javascript' failed: its program exited with status 1 [reference-failed]"
      ), "\(result.stdout)")
    #expect(
      lines.contains(
        "\(Self.includes)java.md:19:1: error: the Java program on pivot 'programming-language-java' prints something else than ../golden/sign-request.txt [transcript-drift]"
      ), "\(result.stdout)")
    #expect(result.stdout.contains("-Status: 201\n") && result.stdout.contains("+Status: 401\n"))
  }

  @Test func aRuntimeOrRegistryThatIsNotThereIsANoteNotAPass() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        reference:
          command: [printf, 'hello\\n']
          emulator: none
        in-node:
          runner: node
          pivot: js
          interpreter: /nonexistent/node
          emulator: none
          compareWith: reference
        in-java:
          runner: java
          pivot: java
          requirements: ['com.azure:azure-communication-identity:1.6.0']
          emulator: none
          compareWith: reference
      """,
      "docs/en-us/page.md": """
      ---
      zone_pivot_groups: languages
      ---
      # Page

      ::: zone pivot="js"

      ```javascript
      console.log("hello");
      ```

      ::: zone-end

      ::: zone pivot="java"

      ```java
      System.out.println("hello");
      ```

      ::: zone-end
      """,
      "docs/en-us/zone-pivot-groups.yml": """
      groups:
      - id: languages
        title: Languages
        prompt: Choose
        pivots:
        - id: js
          title: JavaScript
        - id: java
          title: Java
      """,
      "golden/reference.txt": "hello\n",
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["check", "docs"], in: tree.url)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "docs/docproof.yml:8:1: info: scenario 'in-node' did not run the JavaScript code on pivot 'js': Node.js is not installed ('/nonexistent/node' is not an executable here) [program-not-run]"
      ), "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "docs/docproof.yml:14:1: info: scenario 'in-java' did not run the Java code on pivot 'java': it needs com.azure:azure-communication-identity:1.6.0, and this runner runs Java programs that need only the JDK (a single source file, as 'java Program.java' runs it) [program-not-run]"
      ), "\(result.stdout)")
    #expect(
      result.stdout.hasSuffix(
        "docproof: 0 errors, 0 warnings, 2 info in 1 file; 1 scenario run (2 docs programs not run)\n"
      ), "\(result.stdout)")
  }

  @Test func packagesTheRegistryDoesNotGiveAreANoteNotAPass() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": """
      frontMatter:
        required: []
      project: ..
      scenarios:
        reference:
          command: [printf, 'hello\\n']
          emulator: none
        with-packages:
          runner: node
          pivot: js
          requirements: [left-pad@1.3.0]
          emulator: none
          compareWith: reference
      """,
      "docs/en-us/page.md": """
      ---
      zone_pivot_groups: languages
      ---
      # Page

      ::: zone pivot="js"

      ```javascript
      const leftPad = require("left-pad");
      console.log(leftPad("hello", 5));
      ```

      ::: zone-end
      """,
      "docs/en-us/zone-pivot-groups.yml": """
      groups:
      - id: languages
        title: Languages
        prompt: Choose
        pivots:
        - id: js
          title: JavaScript
      """,
      "golden/reference.txt": "hello\n",
    ])
    defer { tree.remove() }
    // A registry nobody answers at, tried once: as on a machine without npm's registry.
    let result = try await BinaryRunner.docproof(
      ["check", "docs"], in: tree.url,
      environment: [
        "npm_config_registry": "http://127.0.0.1:9/", "npm_config_fetch_retries": "0",
        "npm_config_fetch_timeout": "3000",
      ])
    #expect(result.status == 0, "\(result.stdout)")
    let line = result.stdout.split(separator: "\n").first { $0.hasSuffix("[program-not-run]") }
    let reason = try #require(line, "\(result.stdout)")
    #expect(
      reason.hasPrefix(
        "docs/docproof.yml:8:1: info: scenario 'with-packages' did not run the JavaScript code on pivot 'js': npm "
      ), "\(reason)")
    #expect(
      reason.contains("npm could not install left-pad@1.3.0")
        || reason.contains("npm is not installed"), "\(reason)")
    #expect(
      result.stdout.hasSuffix("1 scenario run (1 docs program not run)\n"), "\(result.stdout)")
    // Nothing half-installed is taken for ready next time.
    let cache = tree.url.appendingPathComponent(".docproof-cache/node").path
    let made = (try? FileManager.default.subpathsOfDirectory(atPath: cache)) ?? []
    #expect(!made.contains { $0.hasSuffix(".docproof-ready") }, "\(made)")
  }
}
