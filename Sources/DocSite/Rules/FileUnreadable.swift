import DocModel

/// A Markdown file the tool cannot read (permissions, a dangling link, a link loop).
public enum FileUnreadable: RuleDefinition {
  public static let info = RuleInfo(
    id: .fileUnreadable, defaultSeverity: .error,
    summary: "A Markdown file in the tree cannot be read.",
    help: "Fix the file's permissions, or the symbolic link that points nowhere or to itself. "
      + "The rest of the tree is still checked.",
    triggers: ["en-us/page.md": "# Readable\n"], triggerLinks: ["en-us/loop.md": "loop.md"],
    passes: ["en-us/page.md": "# Readable\n"])

  static let redirectionFile = message("cannot read this redirection file")

  /// `reason`: what the entry is instead of a readable file ("a broken link", ...).
  static func broken(_ reason: String) -> RuleMessage {
    message("cannot read this file: it is \(reason)")
  }

  /// `description`: the reading error, in the words of the reader.
  static func readFailed(_ description: String) -> RuleMessage { message(description) }
}
