import DocModel

/// A redirection file the Learn build cannot read as JSON.
public enum JSONSyntaxError: RuleDefinition {
  public static let info = RuleInfo(
    id: .jsonSyntaxError, defaultSeverity: .error,
    summary: "A redirection file of a Learn repository is not valid JSON.",
    help: "The build drops every redirection of a file it cannot read, so links to the "
      + "redirected pages break on the site. Fix the JSON at the line given.",
    triggers: LearnExample.repository([
      ".openpublishing.redirection.json":
        "{\"redirections\": [\n  {\"source_path\": \"old.md\",,}\n]}\n"
    ]),
    passes: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "old.md", "redirect_url": "/site/page"}]}"#
    ]))

  /// A redirection file that stops parsing at `problem`.
  static func redirectionFile(_ problem: String) -> RuleMessage {
    message(
      problem,
      notes: ["the Learn build stops reading this file here: none of its redirections apply"])
  }

  /// Valid JSON of the wrong shape where the redirections list should be.
  static func redirectionsList(_ problem: String) -> RuleMessage { message(problem) }
}
