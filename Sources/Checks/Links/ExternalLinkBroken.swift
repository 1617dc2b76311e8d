import DocModel
import DocSite
import ExternalLinks
import Foundation

/// A link to another site that does not answer with success (with `--external`).
public enum ExternalLinkBroken: Rule {
  public static let info = RuleInfo(
    id: .externalLinkBroken, defaultSeverity: .error,
    summary: "An external link does not answer with success (checked with --external).",
    help: "docproof sends HEAD (then GET when HEAD is refused), follows redirects, and retries "
      + "on 429 and 503. Good results are cached for links.external.maxAge.",
    // Nothing listens on port 1: refused at once, with no network needed.
    triggers: ["en-us/page.md": "# T\n\n[site](http://127.0.0.1:1/)\n"],
    passes: ["en-us/page.md": "# T\n\n[site](page.md)\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    guard context.options.external else { return [] }
    var locations: [(path: String, reference: LinkReference)] = []
    for ((path, _), references) in zip(context.files, context.references)
    where context.options.covers(path, in: context.site) {
      for reference in references.map(\.reference) {
        let target = reference.target.trimmingCharacters(in: .whitespaces)
        let lower = target.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { continue }
        locations.append((path, reference))
      }
    }
    guard !locations.isEmpty else { return [] }
    let settings = context.site.configuration.external
    let checker =
      context.options.externalChecker
      ?? HTTPLinkChecker(
        settings: settings, cachePath: settings.cachePath, cacheRoot: context.site.tree.realRoot)
    let results = await checker.check(
      locations.map { $0.reference.target.trimmingCharacters(in: .whitespaces) })
    return locations.compactMap { path, reference in
      let url = reference.target.trimmingCharacters(in: .whitespaces)
      guard let status = results[url], !status.ok else { return nil }
      return finding(
        path, line: reference.line, column: reference.column,
        "external \(reference.kind) '\(url)' is broken: \(status.reason)")
    }
  }
}
