import DocModel

public enum ProgramNotRun: RuleDefinition {
  public static let info = RuleInfo(
    id: .programNotRun, defaultSeverity: .info,
    summary:
      "A scenario's docs code could not be run here: its runtime or its package registry is missing.",
    help: "The finding says what is missing (node, a JDK, npm packages the registry did not "
      + "give, a Java program that needs more than the JDK). The program is still read "
      + "against its transcripts (program-output-drift); install what is missing to run it.",
    triggers: [
      "docproof.yml": Examples.helloScenario
        + "  hello-js:\n    runner: node\n    interpreter: /nonexistent/node\n    pivot: js\n"
        + "    emulator: none\n    compareWith: hello\n",
      "golden/hello.txt": "hi\n",
      "en-us/page.md":
        "# T\n\n::: zone pivot=\"js\"\n\n```javascript\nconsole.log(\"hi\");\n```\n\n::: zone-end\n",
    ],
    passes: [
      "docproof.yml": Examples.helloScenario
        + "  hello-python:\n    runner: python\n    pivot: python\n"
        + "    emulator: none\n    compareWith: hello\n",
      "golden/hello.txt": "hi\n",
      "en-us/page.md":
        "# T\n\n::: zone pivot=\"python\"\n\n```python\nprint(\"hi\")\n```\n\n::: zone-end\n",
    ])
}
