import DocModel
import DocSite

/// A code snippet naming a region its source lacks, or lines past its end: DocFX renders
/// an empty block (`:::code` also warns "It looks like your code snippet was not rendered").
public enum CodeRegionNotFound: Rule {
  public static let info = RuleInfo(
    id: .codeRegionNotFound, defaultSeverity: .error,
    summary: "A code snippet names a region its source file does not have, or lines past its end.",
    help: "`:::code id=\"NAME\"` and `[!code-x[](file?name=NAME)]` show the lines between "
      + "`// <NAME>` and `// </NAME>` (or `#region NAME`), matched without regard to case; "
      + "`range=` names lines. A missing region renders an empty block on the page.",
    triggers: [
      "en-us/page.md": ":::code language=\"python\" source=\"app.py\" id=\"mian\":::\n",
      "en-us/app.py": "# <main>\nprint('x')\n# </main>\n",
    ],
    passes: [
      "en-us/page.md":
        ":::code language=\"python\" source=\"app.py\" id=\"Main\":::\n\n[!code-python[](app.py?range=1-2)]\n",
      "en-us/app.py": "# <main>\nprint('x')\n# </main>\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    let site = context.site
    var sources: [String: String?] = [:]
    var findings: [Diagnostic] = []
    for (path, page) in context.files {
      for reference in page.codeReferences where reference.region != nil || reference.range != nil {
        guard case .file(let target, _) = context.links.resolve(reference.path, from: path) else {
          continue
        }
        if sources[target] == nil {
          sources[target] =
            (try? FileReader.read(
              site.tree.absolute(target), limit: site.configuration.maxFileSize)).map {
              String(decoding: $0, as: UTF8.self)
            }
        }
        guard let text = sources[target] ?? nil else { continue }
        let shownPath = site.displayPath(target)
        let docfx =
          reference.syntax == "triple-colon"
          ? [
            "DocFX warns: \"It looks like your code snippet was not rendered. Try range instead.\""
          ]
          : ["DocFX renders an empty code block, without a warning"]
        if let region = reference.region, SnippetRegion.extract(region, from: text) == nil {
          let names = SnippetRegion.names(in: text)
          var notes: [String] = []
          if let suggestion = Suggestion.closest(
            to: region.lowercased(), in: names.map { $0.lowercased() }),
            let name = names.first(where: { $0.lowercased() == suggestion })
          {
            notes.append("did you mean '\(name)'?")
          } else if !names.isEmpty {
            notes.append("its regions: \(names.joined(separator: ", "))")
          }
          findings.append(
            finding(
              path, line: reference.line, column: reference.column,
              "code snippet region '\(region)' not found in \(shownPath)", notes: notes + docfx))
        }
        if let range = reference.range, let first = Self.firstLine(of: range) {
          let lines =
            text.split(separator: "\n", omittingEmptySubsequences: false).count
            - (text.hasSuffix("\n") ? 1 : 0)
          if first > lines {
            findings.append(
              finding(
                path, line: reference.line, column: reference.column,
                "code snippet range '\(range)' starts past the end of \(shownPath) (\(lines) line\(lines == 1 ? "" : "s"))",
                notes: docfx))
          }
        }
      }
    }
    return findings
  }

  /// The first line a range names (`3-5,9` → 3, `L7-L9` → 7), or `nil` when it names none.
  static func firstLine(of range: String) -> Int? {
    let numbers = range.split(whereSeparator: { $0 == "," || $0 == "-" || $0 == "&" }).compactMap {
      part -> Int? in
      let digits = part.drop { !$0.isNumber }
      return Int(digits)
    }
    return numbers.min()
  }
}
