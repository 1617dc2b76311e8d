import DocModel
import DocSite

/// A localized include that is missing, replaced by the source locale's file.
public enum IncludeFallback: Rule {
  public static let info = RuleInfo(
    id: .includeFallback, defaultSeverity: .info,
    summary: "A translation includes a file that is not translated: the source is used.",
    help: "DocFX falls back to the source locale's include, so readers see untranslated text "
      + "there. Translate the include to remove this note.",
    triggers: [
      "en-us/page.md": "# T\n\n[!INCLUDE [x](includes/x.md)]\n",
      "en-us/includes/x.md": "English.\n",
      "sv-se/page.md": "# T\n\n[!INCLUDE [x](includes/x.md)]\n",
    ],
    passes: [
      "en-us/page.md": "# T\n\n[!INCLUDE [x](includes/x.md)]\n",
      "en-us/includes/x.md": "English.\n",
      "sv-se/page.md": "# T\n\n[!INCLUDE [x](includes/x.md)]\n",
      "sv-se/includes/x.md": "Svenska.\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.includes.allEdges.compactMap { edge in
      guard case .fallback(let used, let missing) = edge.resolution else { return nil }
      return finding(
        edge.from, line: edge.include.line, column: edge.include.column,
        "'\(missing)' is not translated: \(used) is included instead")
    }
  }
}
