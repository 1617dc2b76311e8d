import DocModel
import DocSite

/// Includes that include each other.
public enum CircularReference: Rule {
  public static let info = RuleInfo(
    id: .circularReference, defaultSeverity: .error,
    summary: "Includes form a cycle.",
    help: "DocFX stops at the cycle; the chain shows every file in it. Break it by removing "
      + "one of the includes.",
    triggers: [
      "en-us/page.md": "# T\n\n[!INCLUDE [a](a.md)]\n",
      "en-us/a.md": "[!INCLUDE [b](b.md)]\n",
      "en-us/b.md": "[!INCLUDE [a](a.md)]\n",
    ],
    passes: [
      "en-us/page.md": "# T\n\n[!INCLUDE [a](a.md)]\n",
      "en-us/a.md": "[!INCLUDE [b](b.md)]\n",
      "en-us/b.md": "End.\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.includes.cycles.map { cycle in
      finding(
        cycle.edge.from, line: cycle.edge.include.line, column: cycle.edge.include.column,
        "including '\(cycle.edge.include.path)' creates a cycle",
        notes: [cycle.chain.joined(separator: " → ")])
    }
  }
}
