/// A `:::code` or `[!code-...]` reference DocFX rejects or renders as text.
public enum InvalidCode: RuleDefinition {
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

  static func malformedAttributes(_ error: TripleColonSyntax.AttributeError) -> RuleMessage {
    message(error.message)
  }

  static func unexpectedAttribute(_ name: String) -> RuleMessage {
    message("Unexpected attribute \"\(name)\".")
  }

  static let missingSource = message(
    "source is a required attribute. Please ensure you have specified a source attribute")

  static let malformedLegacySnippet = message(
    "malformed code snippet: expected '[!code-LANGUAGE[NAME](PATH)]' alone on its line; "
      + "DocFX renders this line as text")
}
