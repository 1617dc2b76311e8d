import DocModel

public enum ReferenceFailed: RuleDefinition {
  public static let info = RuleInfo(
    id: .referenceFailed, defaultSeverity: .error,
    summary: "A scenario's program failed, timed out or could not start.",
    help: "The finding quotes the end of its standard error. Run it with 'docproof run NAME'.",
    triggers: [
      "docproof.yml": "scenarios:\n  hello:\n    command: ['false']\n    emulator: none\n",
      "golden/hello.txt": "hi\n",
    ],
    passes: ["docproof.yml": Examples.helloScenario, "golden/hello.txt": "hi\n"])
}
