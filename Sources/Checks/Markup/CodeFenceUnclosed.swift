import DocModel

/// A code fence that runs to the end of the file.
public enum CodeFenceUnclosed: Rule {
  public static let info = RuleInfo(
    id: .codeFenceUnclosed, defaultSeverity: .warning,
    summary: "A code fence is never closed, so the rest of the file is code.",
    help: "Close the block with a fence of the same character, at least as long.",
    triggers: ["en-us/page.md": "```python\nprint('x')\n\n## Lost heading\n"],
    passes: ["en-us/page.md": "```python\nprint('x')\n```\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
