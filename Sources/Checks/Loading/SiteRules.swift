import DocModel
import DocSite

// The rules found while the site is loaded (files that cannot be read, redirection files,
// pivot groups) or that other stages report too (snippet paths): each is defined, with its
// messages and severities, in its own file in DocSite/Rules.

/// A rule the site loader finds in the tree's files: checking it is reporting those.
protocol FoundWhileLoading: Rule {}

extension FoundWhileLoading {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.fileDiagnostics.filter { $0.rule == info.id }
  }
}

/// A rule the site loader finds in the pivot group definitions: checking it is reporting
/// those.
protocol FoundInPivotGroups: Rule {}

extension FoundInPivotGroups {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.pivotGroups.values.flatMap { $0.diagnostics.filter { $0.rule == info.id } }
  }
}

extension FileUnreadable: FoundWhileLoading {}
extension FileTooLarge: FoundWhileLoading {}
extension JSONSyntaxError: FoundWhileLoading {}
extension RedirectionInvalid: FoundWhileLoading {}
extension RedirectedFileNotRemoved: FoundWhileLoading {}
extension ZonePivotGroupsInvalid: FoundInPivotGroups {}
extension DuplicatePivotGroups: FoundInPivotGroups {}
extension DuplicatePivotIds: FoundInPivotGroups {}

extension PathOutsideRoot: Rule {
  /// Symbolic links out of the tree (found while loading), and includes, links, images and
  /// snippets that lead out of it.
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings = context.site.fileDiagnostics.filter { $0.rule == info.id }
    for edge in context.site.includes.allEdges {
      guard case .outsideRoot = edge.resolution else { continue }
      findings.append(
        include(edge.include.path).at(
          edge.from, line: edge.include.line, column: edge.include.column))
    }
    for ((path, page), references) in zip(context.files, context.references) {
      for resolved in references {
        let reference = resolved.reference
        if case .outsideRoot = resolved.target {
          findings.append(
            self.reference("\(reference.kind)", reference.target).at(
              path, line: reference.line, column: reference.column))
        }
      }
      for reference in page.codeReferences {
        if case .outsideRoot = context.links.resolve(reference.path, from: path) {
          findings.append(
            codeSnippet(reference.path).at(path, line: reference.line, column: reference.column))
        }
      }
    }
    return findings
  }
}

extension CodeSnippetNotFound: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let nearby = Nearby(context.site.tree)
    for (path, page) in context.files {
      for reference in page.codeReferences {
        switch context.links.resolve(reference.path, from: path) {
        case .missing(let target, _), .directory(let target, _, _):
          findings.append(
            notFound(
              reference.path, lookedFor: context.site.displayPath(target),
              notes: nearby.notes(for: target, in: path)
            ).at(path, line: reference.line, column: reference.column))
        default:
          continue
        }
      }
    }
    return findings
  }
}
