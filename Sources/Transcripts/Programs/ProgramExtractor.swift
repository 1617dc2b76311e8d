import DocModel
import DocSite

/// A program shown in the docs: the code blocks of one file that make up one runnable
/// program for a language.
public struct DocsProgram: Sendable, Hashable {
  /// The file holding the blocks (usually a pivot's include).
  public var file: String
  /// The code, blocks joined in order.
  public var source: String
  /// The line of the first block, where findings about the program point.
  public var line: Int
  /// Where it is shown: (page, locale) pairs.
  public var pages: [String]
}

/// Finds the program of a language on a pivot: in every file shown under that pivot, the
/// blocks marked `<!-- docproof: program LANGUAGE -->` (when there are any), otherwise all
/// of the file's fenced blocks in that language, in order.
public enum ProgramExtractor {
  /// Info-string languages per runner language.
  public static let aliases: [String: Set<String>] = [
    "python": ["python", "py", "python3"],
    "javascript": ["javascript", "js", "node", "nodejs"],
    "java": ["java"],
  ]

  /// The programs in `language` shown on `pivot`, on every page or those `pages` (a glob
  /// from the root) matches.
  public static func programs(
    language: String, pivot: String, site: Site, pages: String? = nil
  ) -> [DocsProgram] {
    let languages = aliases[language] ?? [language]
    let glob = pages.map(Glob.init)
    var byFile: [String: DocsProgram] = [:]
    for page in site.pages where glob?.matches(page) ?? true {
      let contexts = PivotContexts.contexts(from: page, site: site)
      for (file, pivotSets) in contexts {
        guard let model = site.files[file] else { continue }
        let marked = markedBlocks(in: model, language: language)
        let candidates =
          marked.isEmpty
          ? model.codeBlocks.filter { $0.fenced && languages.contains($0.language.lowercased()) }
          : marked
        let shown = candidates.filter { block in
          let zone = block.zone.flatMap { model.zones[$0].pivots }.flatMap {
            $0.isEmpty ? nil : Set($0)
          }
          return pivotSets.contains { context in
            PivotContexts.combine(context, zone).map { $0.contains(pivot) } ?? false
          }
        }
        guard !shown.isEmpty else { continue }
        if byFile[file] == nil {
          byFile[file] = DocsProgram(
            file: file, source: shown.map(\.text).joined(separator: "\n"), line: shown[0].line,
            pages: [])
        }
        byFile[file]!.pages.append(page)
      }
    }
    return byFile.values.sorted { $0.file < $1.file }
  }

  private static func markedBlocks(in page: Page, language: String) -> [CodeBlock] {
    page.comments.compactMap { comment -> CodeBlock? in
      guard let marker = Marker.parse(comment.text), marker.kind == "program",
        marker.argument == language
      else { return nil }
      return page.fencedBlock(after: comment)
    }
  }
}
