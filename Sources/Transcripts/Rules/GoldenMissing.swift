import DocModel

public enum GoldenMissing: RuleDefinition {
  public static let info = RuleInfo(
    id: .goldenMissing, defaultSeverity: .error,
    summary: "A scenario has no golden file.",
    help: "Create it with 'docproof golden update NAME' and commit it.",
    triggers: ["docproof.yml": Examples.helloScenario],
    passes: ["docproof.yml": Examples.helloScenario, "golden/hello.txt": "hi\n"])
}
