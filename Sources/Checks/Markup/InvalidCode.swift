import DocModel

/// A `:::code` or `[!code-...]` reference DocFX rejects or renders as text.
public enum InvalidCode: Rule {
  public static let info = RuleInfo(
    id: .invalidCode, defaultSeverity: .error,
    summary: "A :::code or [!code-...] snippet reference is malformed.",
    help: ":::code needs a source attribute and knows source, range, id, highlight, language "
      + "and interactive; [!code-LANG[NAME](PATH)] must be alone on its line.",
    triggers: ["en-us/page.md": ":::code language=\"python\":::\n"],
    passes: [
      "en-us/page.md": ":::code language=\"python\" source=\"app.py\":::\n",
      "en-us/app.py": "print('x')\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
