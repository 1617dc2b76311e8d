import DocModel
import DocSite

/// A rule the page parser finds: defined, with its messages and severities, in its own
/// file in DocModel/Rules, where the parser places its findings. Checking it is reporting
/// what the parser found on every file.
protocol FoundByParser: Rule {}

extension FoundByParser {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidEncoding: FoundByParser {}
extension FileTooComplex: FoundByParser {}
extension FrontMatterInvalid: FoundByParser {}
extension CodeFenceUnclosed: FoundByParser {}
extension InvalidZone: FoundByParser {}
extension InvalidMonikerRange: FoundByParser {}
extension InvalidImage: FoundByParser {}
extension InvalidVideo: FoundByParser {}
extension InvalidCode: FoundByParser {}
extension InvalidNoteSection: FoundByParser {}

extension IncludeInvalid: Rule {
  /// What the parser found malformed, and includes whose target cannot be included (found
  /// once the site is loaded).
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings = parserFindings(context)
    for edge in context.site.includes.allEdges {
      guard case .invalid(let target, let reason) = edge.resolution else { continue }
      findings.append(
        cannotInclude(edge.include.path, reason: reason, target: target).at(
          edge.from, line: edge.include.line, column: edge.include.column))
    }
    return findings
  }
}
