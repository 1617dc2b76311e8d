import DocModel

public enum TranscriptDrift: RuleDefinition {
  public static let info = RuleInfo(
    id: .transcriptDrift, defaultSeverity: .error,
    summary: "A transcript in a page differs from the golden output.",
    help: "Ids, tokens, timestamps and GUIDs are normalized; [..] and ... are wildcards. "
      + "'docproof check --fix' rewrites drifting blocks from the golden file.",
    triggers: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": "# T\n\n<!-- docproof: transcript hello -->\n\n```output\nbye\n```\n",
    ],
    passes: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": "# T\n\n<!-- docproof: transcript hello -->\n\n```output\nhi\n```\n",
    ])
}
