import DocModel
import DocSite
import Foundation

/// A page without a required front-matter field (include files are exempt).
public enum FrontMatterMissingField: Rule {
  public static let info = RuleInfo(
    id: .frontMatterMissingField, defaultSeverity: .error,
    summary: "A page lacks a front-matter field that docproof.yml requires.",
    help: "Add the field to the page's front matter, or change frontMatter.required in "
      + "docproof.yml. Include files are not pages and need none.",
    triggers: [
      "docproof.yml": "frontMatter:\n  required: [title, ms.date]\n",
      "en-us/page.md": "---\ntitle: Only a title\n---\n# Page\n",
    ],
    passes: [
      "docproof.yml": "frontMatter:\n  required: [title]\n",
      "en-us/page.md": "---\ntitle: A title\n---\n# Page\n[!INCLUDE [x](includes/x.md)]\n",
      "en-us/includes/x.md": "No front matter in an include.\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    let required = context.site.configuration.requiredFrontMatter
    guard !required.isEmpty else { return [] }
    var findings: [Diagnostic] = []
    for (path, page) in context.pages {
      // A binary file, or front matter that could not be read, already has its own finding.
      guard !page.isBinary,
        !page.diagnostics.contains(where: {
          $0.rule == .frontMatterInvalid && $0.severity == .error
        })
      else { continue }
      let front = page.frontMatter
      // docfx.json's metadata counts, under the page's own.
      let inherited = context.site.inheritedMetadata(of: path)
      let missing = required.filter { key in
        guard let value = front[key] ?? inherited[key]?.value else { return true }
        if case .null = value { return true }
        if case .string(let text) = value, text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") }) {
          return true
        }
        return false
      }
      guard !missing.isEmpty else { continue }
      let line = front.startLine ?? 1
      let list = missing.map { "'\($0)'" }.joined(separator: ", ")
      findings.append(
        finding(
          path, line: line,
          front.isPresent
            ? "front matter lacks required field\(missing.count > 1 ? "s" : "") \(list)"
            : "the page has no front matter; required: \(list)",
          notes: [
            context.site.learn == nil
              ? "required fields come from frontMatter.required in docproof.yml"
              : "required fields come from frontMatter.required in docproof.yml; docfx.json's "
                + "globalMetadata and fileMetadata count"
          ]))
    }
    return findings
  }
}
