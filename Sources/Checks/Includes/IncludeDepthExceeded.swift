import DocModel
import DocSite

/// Includes nested deeper than docproof follows.
enum IncludeDepthExceeded: Rule {
  static let info = RuleInfo(
    id: .includeDepthExceeded, defaultSeverity: .error,
    summary: "Includes are nested too deeply to follow.",
    help: "docproof follows includes \(IncludeGraph.maximumDepth) levels deep; deeper ones are "
      + "not checked. Flatten the chain.",
    triggers: [:], passes: ["en-us/page.md": "# T\n"])

  static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.includes.tooDeep.map { edge in
      finding(
        edge.from, line: edge.include.line, column: edge.include.column,
        "'\(edge.include.path)' is nested more than \(IncludeGraph.maximumDepth) includes deep: "
          + "not followed")
    }
  }
}
