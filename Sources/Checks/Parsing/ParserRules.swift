import DocModel
import DocSite

// The rules the page parser finds: each is defined, with its messages and severities, in
// its own file in DocModel/Rules, where the parser places its findings. Checking them is
// reporting what the parser found on every file.

extension InvalidEncoding: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension FileTooComplex: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension FrontMatterInvalid: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension CodeFenceUnclosed: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidZone: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidMonikerRange: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidImage: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidVideo: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidCode: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

extension InvalidNoteSection: Rule {
  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}

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
