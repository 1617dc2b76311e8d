import DocModel

/// Text on the first line of `> [!NOTE]`, `> [!div]` or `> [!VIDEO]`.
public enum InvalidNoteSection: Rule {
  public static let info = RuleInfo(
    id: .invalidNoteSection, defaultSeverity: .warning,
    summary: "Text follows an alert, section or video marker on its line.",
    help: "DocFX then renders a plain quote instead of the alert. Put the text on the next "
      + "line, after '> '.",
    triggers: ["en-us/page.md": "> [!NOTE] Text on the same line.\n"],
    passes: ["en-us/page.md": "> [!NOTE]\n> Text on the next line.\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
