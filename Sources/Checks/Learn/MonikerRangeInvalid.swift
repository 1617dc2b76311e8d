import DocModel
import DocSite

/// A `::: moniker range` naming a moniker its docset does not publish.
public enum MonikerRangeInvalid: Rule {
  public static let info = RuleInfo(
    id: .monikerRangeInvalid, defaultSeverity: .error,
    summary: "A moniker range names a version the docset does not publish.",
    help: "The docset's monikers are its monikers and moniker_ranges in "
      + ".openpublishing.publish.config.json and the moniker_range of docfx.json's groups; "
      + "a version between them (tfs-2015 between tfs-2013 and tfs-2018) is known when its "
      + "product is. Content for an unknown moniker is never shown.",
    triggers: LearnExample.repository([
      ".openpublishing.publish.config.json":
        #"{"docsets_to_publish": [{"build_source_folder": ".", "moniker_ranges": ["app-v1", "app-v2"]}]}"#,
      "page.md": "# T\n\n::: moniker range=\"ap-v3\"\n\nNew.\n\n::: moniker-end\n",
    ]),
    passes: LearnExample.repository([
      ".openpublishing.publish.config.json":
        #"{"docsets_to_publish": [{"build_source_folder": ".", "moniker_ranges": ["app-v1", "app-v2"]}]}"#,
      "page.md": "# T\n\n::: moniker range=\">=app-v2 || app-v3\"\n\nNew.\n\n::: moniker-end\n",
    ]))

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    guard let learn = context.site.learn else { return [] }
    var findings: [Diagnostic] = []
    for (path, page) in context.files where !page.monikers.isEmpty {
      guard let docset = learn.docset(of: path), !docset.monikers.isEmpty else { continue }
      // The repository names the monikers its ranges start and end at (`>= tfs-2013 <=
      // tfs-2018`), not every moniker between (`tfs-2015` is the service's): a moniker
      // counts as known when one of the docset's shares its product (`tfs`).
      let products = Set(docset.monikers.map(product))
      for block in page.monikers {
        for name in MonikerRange.names(block.range)
        where !docset.monikers.contains(name.lowercased()) && !products.contains(product(name)) {
          var notes: [String] = []
          if let suggestion = Suggestion.closest(
            to: name.lowercased(), in: docset.monikers.sorted())
          {
            notes.append("did you mean '\(suggestion)'?")
          }
          findings.append(
            finding(
              path, line: block.line, column: block.column,
              "Invalid moniker range: '\(block.range)'. Moniker '\(name)' is not defined.",
              notes: notes))
        }
      }
    }
    return findings
  }

  /// A moniker's product: the part before its first `-` (`tfs` of `tfs-2018`).
  static func product(_ moniker: String) -> String {
    String(moniker.lowercased().prefix { $0 != "-" })
  }
}
