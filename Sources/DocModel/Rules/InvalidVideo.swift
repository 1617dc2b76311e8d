/// A `:::video` directive with malformed attributes.
public enum InvalidVideo: RuleDefinition {
  public static let info = RuleInfo(
    id: .invalidVideo, defaultSeverity: .error,
    summary: "A :::video directive is malformed.",
    help: "Attribute values must be in double quotes.",
    triggers: ["en-us/page.md": ":::video source=https://example.com/v:::\n"],
    passes: ["en-us/page.md": ":::video source=\"https://example.com/v\":::\n"])

  static func malformedAttributes(_ error: TripleColonSyntax.AttributeError) -> RuleMessage {
    message(error.message)
  }
}
