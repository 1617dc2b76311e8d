/// A Markdown file that is binary or not valid UTF-8.
public enum InvalidEncoding: RuleDefinition {
  public static let info = RuleInfo(
    id: .invalidEncoding, defaultSeverity: .error,
    summary: "A Markdown file is binary or not valid UTF-8.",
    help: "Save the file as UTF-8 text. Invalid bytes are read as U+FFFD so the rest of the "
      + "page is still checked.",
    triggers: ["en-us/page.md": "---\ntitle: T\n---\n# Caf\u{FFFF}\0\n"],
    passes: ["en-us/page.md": "# Café\n"])

  static let binary = message(
    "this is a binary file (it holds NUL bytes), not Markdown text",
    notes: ["remove it from the docs tree, or exclude it in docproof.yml"])

  static let invalidUTF8 = message(
    "the file is not valid UTF-8: the first invalid byte is here",
    notes: ["save the file as UTF-8; invalid bytes were read as U+FFFD"])
}
