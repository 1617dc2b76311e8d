import DocModel

/// A `::: moniker` block DocFX cannot read: no end, an end with none open, a range
/// without its closing quote.
public enum InvalidMonikerRange: Rule {
  public static let info = RuleInfo(
    id: .invalidMonikerRange, defaultSeverity: .error,
    summary: "A ::: moniker block is not closed, or a ::: moniker-end closes nothing.",
    help: "Write '::: moniker range=\"RANGE\"', the versioned content, then '::: moniker-end' "
      + "with as many colons. An unclosed block hides the rest of the page from other "
      + "versions; a stray end is shown as text.",
    triggers: ["en-us/page.md": "# T\n\n::: moniker range=\"v2\"\n\nOnly v2.\n"],
    passes: ["en-us/page.md": "# T\n\n::: moniker range=\"v2\"\n\nOnly v2.\n\n::: moniker-end\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
