import DocModel
import DocSite

/// An include whose target does not exist.
public enum IncludeNotFound: Rule {
  public static let info = RuleInfo(
    id: .includeNotFound, defaultSeverity: .error,
    summary: "An [!INCLUDE] points to a file that does not exist.",
    help: "Include paths are relative to the including file (~/ starts at the locale root). "
      + "DocFX leaves the include out of the page.",
    triggers: ["en-us/page.md": "# T\n\n[!INCLUDE [x](includes/missing.md)]\n"],
    passes: [
      "en-us/page.md": "# T\n\n[!INCLUDE [x](includes/there.md)]\n",
      "en-us/includes/there.md": "Included.\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    let missing = context.site.includes.allEdges.compactMap { edge in
      if case .notFound(let target) = edge.resolution { (edge, target) } else { nil }
    }
    // A suggestion compares the name with every file of its folder: in parallel chunks.
    let nearby = Nearby(context.site.tree)
    return await missing.concurrentChunks { chunk in
      chunk.map { edge, target in
        finding(
          edge.from, line: edge.include.line, column: edge.include.column,
          "included file '\(edge.include.path)' not found (looked for \(context.site.displayPath(target)))",
          notes: nearby.notes(for: target, in: edge.from, extension: "md"))
      }
    }.flatMap { $0 }
  }
}
