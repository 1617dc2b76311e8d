import DocModel
import DocSite

/// A link to a `#bookmark` that the target page does not have.
public enum BookmarkNotFound: Rule {
  public static let info = RuleInfo(
    id: .bookmarkNotFound, defaultSeverity: .error,
    summary: "A link's #bookmark does not exist on its target page.",
    help: "Bookmarks are heading ids (Markdig GitHub style), <a name> and id= anchors, on the "
      + "page and every file it includes, plus #top. A bare #x inside an include is looked up "
      + "on the page that includes it. Bookmarks are case-sensitive.",
    triggers: [
      "en-us/page.md": "# Title\n\n## Set up\n\nSee [setup](#setup) and [other](other.md#nope).\n",
      "en-us/other.md": "# Other\n",
    ],
    passes: [
      "en-us/page.md":
        "# Title\n\n## Set up\n\nSee [setup](#set-up), [top](#top), [other](other.md#other).\n\n[!INCLUDE [x](inc.md)]\n",
      "en-us/other.md": "# Other\n",
      "en-us/inc.md": "Back to [title](#title).\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    // Files in parallel chunks, findings kept in file order; the bookmark index is shared.
    await Array(context.files.indices).concurrentChunks { chunk -> [Diagnostic] in
      guard let first = chunk.first, let last = chunk.last else { return [] }
      return check(
        context.files[first...last].map(\.path), context.references[first...last], in: context)
    }.flatMap { $0 }
  }

  private static func check(
    _ paths: [String], _ referenceLists: ArraySlice<[ResolvedReference]>,
    in context: CheckContext
  ) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let site = context.site
    for (path, references) in zip(paths, referenceLists) {
      // The pages that show this file and their numbers: asked at its first bare `#x`.
      var showing: [(path: String, number: Int?)]?
      for resolved in references where resolved.reference.isMarkdownLink {
        let link = resolved.reference
        switch resolved.target {
        case .bookmark(let id):
          if showing == nil {
            showing = site.includes.pages(showing: path).map { ($0, site.includes.number(of: $0)) }
          }
          // On the page itself, or on every page that shows this include.
          for (shown, number) in showing! {
            let found =
              number.map { context.bookmarks.contains(id, on: shown, number: $0) }
              ?? context.bookmarks.contains(id, on: shown)
            // A page that shows an include from an absent repository may have it there.
            guard !found, number.map(site.includes.showsUnavailable(from:)) != true else {
              continue
            }
            let ids = context.bookmarks.bookmarks(of: shown)
            let notes = suggestion(for: id, in: ids)
            findings.append(
              finding(
                path, line: link.line, column: link.column,
                shown == path
                  ? "bookmark '#\(id)' not found on this page"
                  : "bookmark '#\(id)' not found on \(site.displayPath(shown)), which includes this file",
                notes: notes))
          }
        case .file(let target, let fragment?), .directory(_, let target?, let fragment?):
          guard RelativePath.isMarkdown(target), !fragment.hasPrefix("tab/"),
            let number = site.includes.number(of: target)
          else { continue }
          guard !context.bookmarks.contains(fragment, on: target, number: number),
            !site.includes.showsUnavailable(from: number)
          else { continue }
          let ids = context.bookmarks.bookmarks(of: target)
          findings.append(
            finding(
              path, line: link.line, column: link.column,
              "bookmark '#\(fragment)' not found in \(site.displayPath(target))",
              notes: suggestion(for: fragment, in: ids)))
        default:
          continue
        }
      }
    }
    return findings
  }

  static func suggestion(for id: String, in ids: Set<String>) -> [String] {
    if let match = ids.first(where: { $0.lowercased() == id.lowercased() }) {
      return ["did you mean '#\(match)'? (bookmarks are case-sensitive)"]
    }
    if let closest = Suggestion.closest(to: id, in: ids.sorted()) {
      return ["did you mean '#\(closest)'?"]
    }
    return []
  }
}
