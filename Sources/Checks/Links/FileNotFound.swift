import DocModel
import DocSite

/// A link, image, lightbox or `[!div]` link to a file that does not exist.
public enum FileNotFound: Rule {
  public static let info = RuleInfo(
    id: .fileNotFound, defaultSeverity: .error,
    summary: "A link or image points to a file that does not exist.",
    help: "Relative links resolve from the file that contains them (in an include, from the "
      + "include). Site-absolute links are checked only through links.siteRoots.",
    triggers: ["en-us/page.md": "# T\n\nSee [the guide](guide.md) and ![diagram](media/d.png).\n"],
    passes: [
      "en-us/page.md": "# T\n\nSee [the guide](guide.md) and ![diagram](media/d.png).\n",
      "en-us/guide.md": "# Guide\n",
      "en-us/media/d.png": "png",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    // A missing target's suggestion compares its name with every file of its folder: files
    // in parallel chunks, findings kept in file order.
    let nearby = Nearby(context.site.tree)
    return await Array(context.files.indices).concurrentChunks { chunk in
      chunk.flatMap {
        check(context.files[$0].path, context.references[$0], in: context, nearby: nearby)
      }
    }.flatMap { $0 }
  }

  private static func check(
    _ path: String, _ references: [ResolvedReference], in context: CheckContext,
    nearby: Nearby
  ) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for resolved in references {
      let reference = resolved.reference
      switch resolved.target {
      case .missing(let target, _) where target.hasPrefix("/"):
        // A site-absolute URL of this repository's own folders that no page publishes at.
        findings.append(
          finding(
            path, line: reference.line, column: reference.column,
            "\(reference.kind) target '\(reference.target)' not found: no page of this "
              + "repository is published at \(target)"))
      case .missing(let target, _):
        findings.append(
          finding(
            path, line: reference.line, column: reference.column,
            "\(reference.kind) target '\(reference.target)' not found (looked for \(context.site.displayPath(target)))",
            notes: nearby.notes(for: target, in: path)))
      case .directory(let folder, nil, _):
        findings.append(
          finding(
            path, line: reference.line, column: reference.column,
            "\(reference.kind) target '\(reference.target)' is a folder without index.md",
            notes: ["link to a page in \(folder.isEmpty ? "the root" : folder) instead"]))
      case .malformed:
        findings.append(
          finding(
            path, line: reference.line, column: reference.column,
            "\(reference.kind) target '\(reference.target)' has invalid percent-encoding"))
      default:
        break
      }
    }
    return findings
  }
}
