import DocModel
import DocSite

/// An include that is malformed or points to something that cannot be included.
public enum IncludeInvalid: Rule {
  public static let info = RuleInfo(
    id: .includeInvalid, defaultSeverity: .error,
    summary: "An [!INCLUDE] is malformed or its target is not a Markdown file.",
    help: "The syntax is [!INCLUDE [title](path.md)]; only .md files can be included.",
    triggers: [
      "en-us/page.md": "# T\n\n[!INCLUDE [x](snippet.txt)]\n",
      "en-us/snippet.txt": "text\n",
    ],
    passes: ["en-us/page.md": "# T\n\n[!INCLUDE [x](inc.md)]\n", "en-us/inc.md": "x\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings = parserFindings(context)
    for edge in context.site.includes.allEdges {
      guard case .invalid(let target, let reason) = edge.resolution else { continue }
      findings.append(
        finding(
          edge.from, line: edge.include.line, column: edge.include.column,
          "cannot include '\(edge.include.path)': \(reason)", notes: ["resolved to \(target)"]))
    }
    return findings
  }
}
