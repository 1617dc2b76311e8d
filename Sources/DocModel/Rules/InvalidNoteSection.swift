/// Text on the first line of `> [!NOTE]`, `> [!div]` or `> [!VIDEO]`.
public enum InvalidNoteSection: RuleDefinition {
  public static let info = RuleInfo(
    id: .invalidNoteSection, defaultSeverity: .warning,
    summary: "Text follows an alert, section or video marker on its line.",
    help: "DocFX then renders a plain quote instead of the alert. Put the text on the next "
      + "line, after '> '.",
    triggers: ["en-us/page.md": "> [!NOTE] Text on the same line.\n"],
    passes: ["en-us/page.md": "> [!NOTE]\n> Text on the next line.\n"])

  /// `marker`: the `[!NOTE]`, `[!div ...]` or `[!VIDEO ...]` the text follows.
  static func textAfterMarker(_ marker: String) -> RuleMessage {
    message(
      "Text in the first line of Note/Section/Video is not valid. "
        + "Will be rendered to <blockquote>",
      notes: ["move the text after '\(marker)' to the next line, after '> '"])
  }
}
