import DocModel

/// A Markdown file the tool cannot read (permissions, a dangling link, a link loop).
public enum FileUnreadable: Rule {
  public static let info = RuleInfo(
    id: .fileUnreadable, defaultSeverity: .error,
    summary: "A Markdown file in the tree cannot be read.",
    help: "Fix the file's permissions, or the symbolic link that points nowhere or to itself. "
      + "The rest of the tree is still checked.",
    triggers: ["en-us/page.md": "# Readable\n"], triggerLinks: ["en-us/loop.md": "loop.md"],
    passes: ["en-us/page.md": "# Readable\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.fileDiagnostics.filter { $0.rule == info.id }
  }
}
