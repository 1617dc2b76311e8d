import DocModel

/// A redirected file that is still in the repository.
public enum RedirectedFileNotRemoved: RuleDefinition {
  public static let info = RuleInfo(
    id: .redirectedFileNotRemoved, defaultSeverity: .warning,
    summary: "A file is redirected but still in the repository.",
    help: "The Learn build publishes the redirection, not the file: readers never see it. "
      + "Delete the file, or remove its redirection.",
    triggers: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "page.md", "redirect_url": "/site/other"}]}"#
    ]),
    passes: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "old.md", "redirect_url": "/site/page"}]}"#
    ]))

  static func stillPresent(_ source: String, redirectedTo url: String) -> RuleMessage {
    message(
      "\(source) is redirected to \(url) but is still in the repository",
      notes: [
        "the build publishes the redirection, not the file: delete the file, or remove "
          + "the redirection"
      ])
  }
}
