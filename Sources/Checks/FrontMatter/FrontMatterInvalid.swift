import DocModel

/// Front matter that is not valid YAML, not a mapping, never closed, or repeats a key.
public enum FrontMatterInvalid: Rule {
  public static let info = RuleInfo(
    id: .frontMatterInvalid, defaultSeverity: .error,
    summary: "The YAML front matter cannot be read.",
    help: "Front matter is a YAML mapping between a first line '---' and the next '---'. "
      + "The finding points at the line libyaml stopped on.",
    triggers: ["en-us/page.md": "---\ntitle: \"unterminated\n---\n# Page\n"],
    passes: ["en-us/page.md": "---\ntitle: Fine\n---\n# Page\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
