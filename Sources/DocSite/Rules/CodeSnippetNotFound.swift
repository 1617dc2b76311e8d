import DocModel

/// A `:::code` or `[!code-...]` reference to a file that does not exist.
public enum CodeSnippetNotFound: RuleDefinition {
  public static let info = RuleInfo(
    id: .codesnippetNotFound, defaultSeverity: .error,
    summary: "A code snippet reference points to a file that does not exist.",
    help: "Snippet paths are relative to the file that contains them (~/ starts at the locale "
      + "root).",
    triggers: ["en-us/page.md": ":::code language=\"python\" source=\"snippets/app.py\":::\n"],
    passes: [
      "en-us/page.md": ":::code language=\"python\" source=\"snippets/app.py\":::\n",
      "en-us/snippets/app.py": "print('x')\n",
    ])

  /// `lookedFor`: the path it resolved to, as the site displays it.
  public static func notFound(_ path: String, lookedFor: String, notes: [String]) -> RuleMessage {
    message("code snippet '\(path)' not found (looked for \(lookedFor))", notes: notes)
  }

  /// A `docproof: snippet` marker's source that does not exist.
  public static func snippetSource(_ source: String) -> RuleMessage {
    message("snippet source '\(source)' not found")
  }

  public static func snippetSourceUnreadable(_ source: String, _ error: String) -> RuleMessage {
    message("snippet source '\(source)': \(error)")
  }

  public static func snippetRegion(_ region: String, in source: String) -> RuleMessage {
    message(
      "snippet source '\(source)' has no region '\(region)'",
      notes: ["mark it with '// <\(region)>' and '// </\(region)>'"])
  }
}
