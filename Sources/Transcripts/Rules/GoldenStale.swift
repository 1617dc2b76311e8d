import DocModel

public enum GoldenStale: RuleDefinition {
  public static let info = RuleInfo(
    id: .goldenStale, defaultSeverity: .error,
    summary: "A scenario's output no longer matches its golden file.",
    help: "If the change is intended, run 'docproof golden update NAME', review the diff, "
      + "then 'docproof check --fix' to update the pages.",
    triggers: ["docproof.yml": Examples.helloScenario, "golden/hello.txt": "bye\n"],
    passes: ["docproof.yml": Examples.helloScenario, "golden/hello.txt": "hi\n"])
}
