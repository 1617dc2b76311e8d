import DocModel
import DocSite
import Testing

@Suite struct ConfigurationTests {
  let known: Set<RuleID> = [.fileNotFound, .bookmarkNotFound, .pivotIdUnused]

  func parse(_ text: String) throws(ConfigurationError) -> Configuration {
    try Configuration.parse(text, path: "docs/docproof.yml", knownRules: known)
  }

  func error(_ text: String) -> ConfigurationError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func fullSchema() throws {
    let configuration = try parse(
      """
      sourceLocale: en-us
      locales: [sv-se, de-de]
      zonePivotGroups: pivots.yml
      frontMatter:
        required: [title, author]
      rules:
        pivot-id-unused: off
        file-not-found: warning
      ignore:
        - en-us/archive/**
        - path: en-us/legacy.md
          rules: [file-not-found]
      links:
        siteRoots:
          /azure: en-us
        external:
          concurrency: 4
          timeout: 2.5
          retries: 1
          cache: cache/links.json
          maxAge: 12h
          exclude: ['^https://localhost']
      maxFileSize: 2MB
      """)
    #expect(configuration.locales == ["sv-se", "de-de"])
    #expect(configuration.zonePivotGroupsFile == "pivots.yml")
    #expect(configuration.requiredFrontMatter == ["title", "author"])
    #expect(configuration.severities[.pivotIdUnused] == .some(nil))
    #expect(configuration.severities[.fileNotFound] == .some(.warning))
    #expect(configuration.ignores.count == 2)
    #expect(configuration.ignores[1].rules == [.fileNotFound])
    #expect(configuration.siteRoots.map(\.prefix) == ["/azure/"])
    #expect(configuration.external.concurrency == 4)
    #expect(configuration.external.timeoutSeconds == 2.5)
    #expect(configuration.external.maxAgeSeconds == 43_200)
    #expect(configuration.maxFileSize == 2 << 20)
  }

  @Test func emptyFileIsDefaults() throws {
    #expect(try parse("") == Configuration())
  }

  @Test func unknownKeyHasItsLineAndASuggestion() {
    let problem = error("sourceLocale: en-us\nrulez:\n  file-not-found: off\n")
    #expect(problem?.line == 2)
    #expect(problem?.message == "unknown key 'rulez' (did you mean 'rules'?)")
    #expect(problem?.description.hasPrefix("docs/docproof.yml:2:") == true)
  }

  @Test func unknownRuleAndBadSeverity() {
    #expect(
      error("rules:\n  file-not-fund: off\n")?.message
        == "rules.file-not-fund: unknown rule 'file-not-fund' (did you mean 'file-not-found'?)")
    #expect(error("rules:\n  file-not-found: fatal\n")?.line == 2)
  }

  @Test func wrongTypesAndRanges() {
    #expect(error("links:\n  external:\n    concurrency: many\n")?.line == 3)
    #expect(
      error("links:\n  external:\n    concurrency: 0\n")?.message.contains("from 1 to 64") == true)
    #expect(error("links:\n  external:\n    maxAge: soon\n")?.line == 3)
    #expect(error("links:\n  external:\n    exclude: ['(']\n")?.line == 3)
    #expect(error("maxFileSize: big\n")?.line == 1)
    #expect(error("locales: [english]\n")?.message.contains("not a locale folder name") == true)
  }

  @Test func pathsMustStayInsideTheRoot() {
    #expect(error("links:\n  external:\n    cache: ../../x.json\n") != nil)
    #expect(error("links:\n  siteRoots:\n    /azure/: ../other\n") != nil)
    #expect(error("zonePivotGroups: /etc/passwd\n") != nil)
  }

  @Test func invalidYAMLAndNotAMapping() {
    #expect(error("rules: [\n")?.message.hasPrefix("not valid YAML") == true)
    #expect(error("- a\n- b\n")?.message.contains("expected a mapping") == true)
    #expect(
      error("rules:\n  file-not-found: off\nrules:\n  x: y\n")?.message.contains("more than once")
        == true)
  }

  @Test("every configuration error is at its own line: the repeated key, compareWith, the selector")
  func errorsAtTheirOwnLines() {
    let repeated = error(
      "frontMatter:\n  required: []\nrules:\n  file-not-found: warning\n  bookmark-not-found: off\n  file-not-found: error\n"
    )
    #expect(repeated?.line == 6)
    #expect(repeated?.message == "key(s) 'file-not-found' appear more than once")
    #expect(error("rules:\n  file-not-found: off\nrules:\n  x: y\n")?.line == 3)
    let scenarios = "scenarios:\n  demo:\n    command: [sh, x.sh]\n    compareWith: nope\n"
    #expect(error(scenarios)?.line == 4)
    let selector =
      "scenarios:\n  demo:\n    command: [sh, x.sh]\ntranscripts:\n  - files: '**'\n    scenario: missing\n"
    #expect(error(selector)?.line == 6)
    #expect(
      error(selector)?.message
        == "transcripts: selector names scenario 'missing', which 'scenarios' does not define")
  }
}
