import DocModel

/// A `::: zone` block DocFX rejects or renders as text.
public enum InvalidZone: Rule {
  public static let info = RuleInfo(
    id: .invalidZone, defaultSeverity: .error,
    summary: "A ::: zone block is malformed.",
    help: "DocFX's zone rules: attribute values in double quotes; pivot ids of lower-case "
      + "letters, digits and dashes; target docs, chromeless or pdf; no nesting; every zone "
      + "closed by '::: zone-end' alone on its line.",
    triggers: ["en-us/page.md": "::: zone pivot='python'\nText.\n::: zone-end\n"],
    passes: ["en-us/page.md": "::: zone target=\"docs\"\nText.\n::: zone-end\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
