/// A `:::image` directive DocFX rejects.
public enum InvalidImage: RuleDefinition {
  public static let info = RuleInfo(
    id: .invalidImage, defaultSeverity: .error,
    summary: "An :::image directive is malformed.",
    help: "An :::image needs source and (except type=\"icon\") alt-text; a complex image ends "
      + "with :::image-end:::.",
    triggers: ["en-us/page.md": ":::image type=\"content\" source=\"a.png\":::\n"],
    passes: [
      "en-us/page.md": ":::image type=\"content\" source=\"a.png\" alt-text=\"A.\":::\n",
      "en-us/a.png": "png",
    ])

  static func notClosed(imageLine: Int) -> RuleMessage {
    message(
      "Invalid image on line \(imageLine). No \":::image-end:::\" found. "
        + "Blocks should be explicitly closed.")
  }

  /// DocFX reports a malformed `:::image-end:::` as a warning.
  static func malformedEnd(imageLine: Int, line: String) -> RuleMessage {
    message(
      "Invalid image on line \(imageLine). \"\(line)\" "
        + "is invalid. Missing ending \":::image-end:::\"",
      severity: .warning)
  }

  static func malformedAttributes(_ error: TripleColonSyntax.AttributeError) -> RuleMessage {
    message(error.message)
  }

  static func unexpectedAttribute(_ name: String, source: String) -> RuleMessage {
    message(
      "Image reference '\(source)' is invalid per the schema. "
        + "Unexpected attribute: '\(name)'.")
  }

  static let missingSource = message(
    "source is a required attribute. Please ensure you have specified a source attribute.")

  static let missingAltText = message(
    "alt-text is a required attribute. Please ensure you have specified an alt-text "
      + "attribute.")
}
