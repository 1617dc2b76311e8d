import DocModel

/// A redirection entry the Learn build rejects: no source or target, both kinds of source,
/// a source path written the wrong way, a source redirected twice.
public enum RedirectionInvalid: RuleDefinition {
  public static let info = RuleInfo(
    id: .redirectionInvalid, defaultSeverity: .warning,
    summary: "A redirection entry lacks its source or target, or names its source wrongly.",
    help: "Each entry needs 'redirect_url' and one of 'source_path' (relative to the "
      + "redirection file's folder, no leading '/') or 'source_path_from_root' (from the "
      + "repository root, with a leading '/'); a file is redirected once.",
    triggers: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path": "/old.md", "redirect_url": "/site/page"}]}"#
    ]),
    passes: LearnExample.repository([
      ".openpublishing.redirection.json":
        #"{"redirections": [{"source_path_from_root": "/old.md", "redirect_url": "/site/page"}]}"#
    ]))

  /// A value of the wrong type in an entry.
  static func entry(_ problem: String) -> RuleMessage { message(problem) }

  static let missingAttribute = message(
    "missing required attribute: '(source_path or source_path_from_root) or redirect_url'")

  /// The Learn build stops on this one: an error.
  static let bothSources = message(
    "a redirection cannot have both 'source_path' and 'source_path_from_root'",
    severity: .error)

  static let absoluteSourcePath = message(
    "'source_path' must not start with '/' (it is relative to this file's folder); "
      + "use 'source_path_from_root' for a path from the repository root")

  static let relativeSourcePathFromRoot = message(
    "'source_path_from_root' must start with '/' (the repository root)")

  static let sourceLeavesRepository = message("the source path leaves the repository")

  /// The Learn build stops on this one: an error.
  static func redirectedTwice(_ source: String, firstIn file: String, line: Int) -> RuleMessage {
    message(
      "'\(source)' is redirected twice: first in \(file) on line \(line)", severity: .error)
  }
}
