import DocModel
import DocSite

/// Includes nested deeper than docproof follows.
public enum IncludeDepthExceeded: Rule {
  public static let info = RuleInfo(
    id: .includeDepthExceeded, defaultSeverity: .error,
    summary: "Includes are nested too deeply to follow.",
    help: "docproof follows includes \(IncludeGraph.maximumDepth) levels deep; deeper ones are "
      + "not checked. Flatten the chain.",
    triggers: chain(IncludeGraph.maximumDepth + 1),
    passes: chain(IncludeGraph.maximumDepth))

  /// A page and a chain of `depth` includes, each including the next.
  static func chain(_ depth: Int) -> [String: String] {
    func name(_ level: Int) -> String {
      "level-" + String(repeating: "0", count: level < 10 ? 1 : 0) + "\(level).md"
    }
    var files = ["en-us/page.md": "# T\n\n[!INCLUDE [first](includes/\(name(1)))]\n"]
    for level in 1...depth {
      files["en-us/includes/\(name(level))"] =
        level == depth ? "Last.\n" : "[!INCLUDE [next](\(name(level + 1)))]\n"
    }
    return files
  }

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.includes.tooDeep.map { edge in
      finding(
        edge.from, line: edge.include.line, column: edge.include.column,
        "'\(edge.include.path)' is nested more than \(IncludeGraph.maximumDepth) includes deep: "
          + "not followed")
    }
  }
}
