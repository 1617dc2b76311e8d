import DocModel

/// A `:::image` directive DocFX rejects.
public enum InvalidImage: Rule {
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

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
