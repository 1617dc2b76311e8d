import CheckPipeline
import DocModel
import TestSupport
import Testing

/// Every rule's own examples, run as `docproof check` runs them: the trigger tree reports
/// the rule at its default severity, the passing tree does not report it.
@Suite struct RuleExampleTests {
  @Test(arguments: RuleRegistry.all.map { $0.info.id.rawValue })
  func examplesBehaveAsDocumented(_ id: String) async throws {
    let info = try #require(RuleRegistry.info(for: RuleID(id)))
    let clean = try await findings(info.passes).filter { $0.rule == info.id }
    #expect(clean.isEmpty, "\(id) should not trigger: \(clean)")
    if info.id == .fileTooComplex {
      // Its trigger is megabytes that keep the parser busy for seconds: no small tree.
      // `DumpCommandTests.aPageTheParserCannotFinishIsAFindingAndTheRunCompletes` triggers it.
      #expect(info.triggers.isEmpty)
      return
    }
    try #require(!info.triggers.isEmpty, "\(id) needs an example that triggers it")
    var triggers = info.triggers
    // An opt-in rule reports nothing until docproof.yml gives it a severity.
    if !info.enabledByDefault {
      let silent = try await findings(triggers, links: info.triggerLinks)
      #expect(silent.filter { $0.rule == info.id }.isEmpty, "\(id) is opt-in: \(silent)")
      triggers["docproof.yml", default: ""] += "rules:\n  \(id): \(info.defaultSeverity)\n"
    }
    let triggered = try await findings(triggers, links: info.triggerLinks).filter {
      $0.rule == info.id
    }
    #expect(!triggered.isEmpty, "\(id) should trigger on its example")
    #expect(triggered.allSatisfy { $0.severity == info.defaultSeverity }, "\(triggered)")
  }

  @Test func everyRuleIsDescribedOnce() {
    for info in RuleRegistry.infos {
      #expect(!info.summary.isEmpty && !info.help.isEmpty, "\(info.id)")
      #expect(!info.passes.isEmpty, "\(info.id) needs a passing example")
    }
    #expect(RuleRegistry.knownIDs.count == RuleRegistry.all.count, "rule ids are unique")
  }

  @Test func designRuleIdsAreAllKnown() {
    let design: [RuleID] = [
      "invalid-zone", "zone-pivot-group-missing", "pivot-group-not-found", "pivot-id-not-found",
      "pivot-id-unused", "include-not-found", "include-invalid", "circular-reference",
      "file-not-found", "bookmark-not-found", "codesnippet-not-found", "invalid-image",
      "front-matter-invalid", "front-matter-missing-field", "path-outside-root",
      "external-link-broken",
    ]
    for id in design { #expect(RuleRegistry.info(for: id) != nil, "\(id)") }
  }

  /// The findings of a whole check of `files`, external links included.
  func findings(_ files: [String: String], links: [String: String] = [:]) async throws
    -> [Diagnostic]
  {
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    for (path, destination) in links { try tree.link(path, to: destination) }
    var request = CheckRequest(root: tree.path)
    request.external = true
    return try await CheckPipeline.run(request).report.diagnostics
  }
}
