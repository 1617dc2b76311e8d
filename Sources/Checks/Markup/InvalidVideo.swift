import DocModel

/// A `:::video` directive with malformed attributes.
public enum InvalidVideo: Rule {
  public static let info = RuleInfo(
    id: .invalidVideo, defaultSeverity: .error,
    summary: "A :::video directive is malformed.",
    help: "Attribute values must be in double quotes.",
    triggers: ["en-us/page.md": ":::video source=https://example.com/v:::\n"],
    passes: ["en-us/page.md": ":::video source=\"https://example.com/v\":::\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
