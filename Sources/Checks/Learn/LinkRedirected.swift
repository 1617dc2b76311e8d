import DocModel
import DocSite

/// A link to a page the repository's redirections send elsewhere.
public enum LinkRedirected: Rule {
  public static let info = RuleInfo(
    id: .linkRedirected, defaultSeverity: .info,
    summary: "A link points to a redirected page: it works, through the redirection.",
    help: "Readers take an extra hop, and the link breaks if the redirection is ever removed. "
      + "Link to where the redirection leads. Opt-in: the Learn build accepts such links, so "
      + "this rule runs only when docproof.yml gives it a severity "
      + "(`rules: {link-redirected: info}`).",
    triggers: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "old.md", "redirect_url": "/site/page"}]}"#,
      "page.md": "# T\n\nSee [the old page](old.md).\n",
    ]),
    passes: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "old.md", "redirect_url": "/site/page"}]}"#,
      "page.md": "# T\n\nSee [this page](page.md).\n",
    ]), enabledByDefault: false)

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    guard let learn = context.site.learn else { return [] }
    var findings: [Diagnostic] = []
    for ((path, _), references) in zip(context.files, context.references) {
      for resolved in references {
        guard case .redirected(_, let entry, _) = resolved.target else { continue }
        let reference = resolved.reference
        let chain = learn.redirectionChain(from: entry)
        var notes = [
          "redirected by \(entry.file) line \(entry.line)"
            + (chain.count > 1 ? ", then by \(chain.count - 1) more redirection(s)" : "")
        ]
        if let page = learn.page(at: chain.last!.url) { notes.append("that page is \(page)") }
        findings.append(
          finding(
            path, line: reference.line, column: reference.column,
            "\(reference.kind) target '\(reference.target)' is redirected to \(chain.last!.url): link there instead",
            notes: notes))
      }
    }
    return findings
  }
}
