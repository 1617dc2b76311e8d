import DocModel

public enum TranscriptMarkerInvalid: RuleDefinition {
  public static let info = RuleInfo(
    id: .transcriptMarkerInvalid, defaultSeverity: .error,
    summary:
      "A docproof transcript marker is not followed by a fenced block or names an unknown scenario.",
    help: "Write <!-- docproof: transcript NAME --> right before the ``` block, with NAME "
      + "defined under scenarios: in docproof.yml.",
    triggers: [
      "en-us/page.md": "# T\n\n<!-- docproof: transcript nosuch -->\n\n```output\nhi\n```\n"
    ],
    passes: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": "# T\n\n<!-- docproof: transcript hello -->\n\n```output\nhi\n```\n",
    ])
}
