import DocModel

/// A redirection entry the Learn build rejects: no source or target, both kinds of source,
/// a source path written the wrong way, a source redirected twice.
public enum RedirectionInvalid: Rule {
  public static let info = RuleInfo(
    id: .redirectionInvalid, defaultSeverity: .warning,
    summary: "A redirection entry lacks its source or target, or names its source wrongly.",
    help: "Each entry needs 'redirect_url' and one of 'source_path' (relative to the "
      + "redirection file's folder, no leading '/') or 'source_path_from_root' (from the "
      + "repository root, with a leading '/'); a file is redirected once.",
    triggers: [
      "docfx.json": #"{"build": {"content": [{"files": ["**/*.md"]}]}}"#,
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "/old.md", "redirect_url": "/site/page"}]}"#,
      "page.md":
        "---\ntitle: T\ndescription: D\nms.date: 01/01/2026\nms.topic: article\n---\n# T\n",
    ],
    passes: [
      "docfx.json": #"{"build": {"content": [{"files": ["**/*.md"]}]}}"#,
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path_from_root": "/old.md", "redirect_url": "/site/page"}]}"#,
      "page.md":
        "---\ntitle: T\ndescription: D\nms.date: 01/01/2026\nms.topic: article\n---\n# T\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.fileDiagnostics.filter { $0.rule == info.id }
  }
}
