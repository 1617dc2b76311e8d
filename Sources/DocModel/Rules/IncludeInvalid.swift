/// An include that is malformed or points to something that cannot be included.
public enum IncludeInvalid: RuleDefinition {
  public static let info = RuleInfo(
    id: .includeInvalid, defaultSeverity: .error,
    summary: "An [!INCLUDE] is malformed or its target is not a Markdown file.",
    help: "The syntax is [!INCLUDE [title](path.md)]; only .md files can be included.",
    triggers: [
      "en-us/page.md": "# T\n\n[!INCLUDE [x](snippet.txt)]\n",
      "en-us/snippet.txt": "text\n",
    ],
    passes: ["en-us/page.md": "# T\n\n[!INCLUDE [x](inc.md)]\n", "en-us/inc.md": "x\n"])

  static let malformed = message(
    "malformed include: expected '[!INCLUDE [title](path)]'; DocFX renders this as text",
    notes: ["an include needs a [title] and a (path) and the closing ']'"])

  /// An include the parser read whose target cannot be included: `target` is where it
  /// resolved to.
  public static func cannotInclude(_ path: String, reason: String, target: String)
    -> RuleMessage
  {
    message("cannot include '\(path)': \(reason)", notes: ["resolved to \(target)"])
  }
}
