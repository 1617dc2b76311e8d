/// A code fence that runs to the end of the file.
public enum CodeFenceUnclosed: RuleDefinition {
  public static let info = RuleInfo(
    id: .codeFenceUnclosed, defaultSeverity: .warning,
    summary: "A code fence is never closed, so the rest of the file is code.",
    help: "Close the block with a fence of the same character, at least as long.",
    triggers: ["en-us/page.md": "```python\nprint('x')\n\n## Lost heading\n"],
    passes: ["en-us/page.md": "```python\nprint('x')\n```\n"])

  static func neverClosed(fence character: Character, length: Int) -> RuleMessage {
    message(
      "this code fence is never closed: everything after it is read as code",
      notes: ["close it with a line of \(length) '\(character)'"])
  }
}
