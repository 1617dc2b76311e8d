import DocModel

public enum SnippetDrift: RuleDefinition {
  public static let info = RuleInfo(
    id: .snippetDrift, defaultSeverity: .error,
    summary: "A code block marked as a snippet differs from its source file.",
    help: "'docproof check --fix' copies the source into the page.",
    triggers: [
      "src/hello.py": "print('hi')\n",
      "en-us/page.md":
        "# T\n\n<!-- docproof: snippet ../src/hello.py -->\n\n```python\nprint('bye')\n```\n",
    ],
    passes: [
      "src/hello.py": "print('hi')\n",
      "en-us/page.md":
        "# T\n\n<!-- docproof: snippet ../src/hello.py -->\n\n```python\nprint('hi')\n```\n",
    ])

  static let markerWithoutPath = message(
    "snippet marker without a path: write '<!-- docproof: snippet PATH[#region] -->'")

  static func markerWithoutBlock(_ argument: String) -> RuleMessage {
    message("snippet marker '\(argument)' is not followed by a fenced code block")
  }
}
