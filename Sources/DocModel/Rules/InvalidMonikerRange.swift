/// A `::: moniker` block DocFX cannot read: no end, an end with none open, a range
/// without its closing quote.
public enum InvalidMonikerRange: RuleDefinition {
  public static let info = RuleInfo(
    id: .invalidMonikerRange, defaultSeverity: .error,
    summary: "A ::: moniker block is not closed, or a ::: moniker-end closes nothing.",
    help: "Write '::: moniker range=\"RANGE\"', the versioned content, then '::: moniker-end' "
      + "with as many colons. An unclosed block hides the rest of the page from other "
      + "versions; a stray end is shown as text.",
    triggers: ["en-us/page.md": "# T\n\n::: moniker range=\"v2\"\n\nOnly v2.\n"],
    passes: ["en-us/page.md": "# T\n\n::: moniker range=\"v2\"\n\nOnly v2.\n\n::: moniker-end\n"])

  static func notClosed(range: String) -> RuleMessage {
    message(
      "No \"::: moniker-end\" found for \"\(range)\", MonikerRange does not end explicitly.",
      notes: ["everything after it, to the end of the file, is shown only for \(range)"])
  }

  /// `openColons`: the colons of a range that is open, whose end needs as many.
  static func endWithoutRange(openColons: Int?) -> RuleMessage {
    message(
      "'::: moniker-end' without an open moniker range: DocFX renders it as text on the page",
      notes: openColons.map {
        [
          "the open range needs a '\(String(repeating: ":", count: $0)) moniker-end' with as many colons"
        ]
      } ?? ["remove it, or add the '::: moniker range=\"...\"' line it should close"])
  }

  static let missingRange = message(
    "a moniker block needs range=\"...\": DocFX renders this line as text")

  static let missingClosingQuote = message("MonikerRange does not have ending character (\").")

  static let textAfterRange = message("MonikerRange have some invalid chars in the ending.")

  static func nested(openLine: Int) -> RuleMessage {
    message(
      "moniker ranges cannot be nested: the one opened on line \(openLine) is still open")
  }
}
