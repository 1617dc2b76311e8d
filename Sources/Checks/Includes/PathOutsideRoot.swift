import DocModel
import DocSite

/// An include, link, image or snippet that leads outside the checked tree.
public enum PathOutsideRoot: Rule {
  public static let info = RuleInfo(
    id: .pathOutsideRoot, defaultSeverity: .error,
    summary: "A path leads outside the checked tree.",
    help: "docproof never reads outside the root it was given, directly or through symbolic "
      + "links; DocFX would not publish the target either.",
    triggers: ["en-us/page.md": "# T\n\n[!INCLUDE [x](../../outside.md)]\n"],
    passes: ["en-us/page.md": "# T\n\n[!INCLUDE [x](inside.md)]\n", "en-us/inside.md": "x\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings = context.site.fileDiagnostics.filter { $0.rule == info.id }
    for edge in context.site.includes.allEdges {
      guard case .outsideRoot = edge.resolution else { continue }
      findings.append(
        finding(
          edge.from, line: edge.include.line, column: edge.include.column,
          "included file '\(edge.include.path)' is outside the checked tree: not read"))
    }
    for ((path, page), references) in zip(context.files, context.references) {
      for resolved in references {
        let reference = resolved.reference
        if case .outsideRoot = resolved.target {
          findings.append(
            finding(
              path, line: reference.line, column: reference.column,
              "\(reference.kind) '\(reference.target)' leads outside the checked tree"))
        }
      }
      for reference in page.codeReferences {
        if case .outsideRoot = context.links.resolve(reference.path, from: path) {
          findings.append(
            finding(
              path, line: reference.line, column: reference.column,
              "code snippet '\(reference.path)' is outside the checked tree: not read"))
        }
      }
    }
    return findings
  }
}
