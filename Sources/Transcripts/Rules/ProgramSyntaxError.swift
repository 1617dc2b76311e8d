import DocModel

public enum ProgramSyntaxError: RuleDefinition {
  public static let info = RuleInfo(
    id: .programSyntaxError, defaultSeverity: .error,
    summary: "A program shown before a transcript does not compile.",
    help: "JavaScript is checked with 'node --check' and Python with its own parser, "
      + "without running anything and only where node or python3 is installed. The "
      + "finding is at the line the compiler names.",
    triggers: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": Examples.program("print(\"hi\""),
    ],
    passes: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": Examples.program("print(\"hi\")"),
    ])
}
