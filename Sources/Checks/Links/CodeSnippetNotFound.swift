import DocModel
import DocSite

/// A `:::code` or `[!code-...]` reference to a file that does not exist.
public enum CodeSnippetNotFound: Rule {
  public static let info = RuleInfo(
    id: .codesnippetNotFound, defaultSeverity: .error,
    summary: "A code snippet reference points to a file that does not exist.",
    help: "Snippet paths are relative to the file that contains them (~/ starts at the locale "
      + "root).",
    triggers: ["en-us/page.md": ":::code language=\"python\" source=\"snippets/app.py\":::\n"],
    passes: [
      "en-us/page.md": ":::code language=\"python\" source=\"snippets/app.py\":::\n",
      "en-us/snippets/app.py": "print('x')\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let nearby = Nearby(context.site.tree)
    for (path, page) in context.files {
      for reference in page.codeReferences {
        switch context.links.resolve(reference.path, from: path) {
        case .missing(let target, _), .directory(let target, _, _):
          findings.append(
            finding(
              path, line: reference.line, column: reference.column,
              "code snippet '\(reference.path)' not found (looked for \(context.site.displayPath(target)))",
              notes: nearby.notes(for: target, in: path)))
        default:
          continue
        }
      }
    }
    return findings
  }
}
