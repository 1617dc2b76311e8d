import DocModel

/// A Markdown file that is binary or not valid UTF-8.
public enum InvalidEncoding: Rule {
  public static let info = RuleInfo(
    id: .invalidEncoding, defaultSeverity: .error,
    summary: "A Markdown file is binary or not valid UTF-8.",
    help: "Save the file as UTF-8 text. Invalid bytes are read as U+FFFD so the rest of the "
      + "page is still checked.",
    triggers: ["en-us/page.md": "---\ntitle: T\n---\n# Caf\u{FFFF}\0\n"],
    passes: ["en-us/page.md": "# Café\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
