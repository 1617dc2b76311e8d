import DocModel

/// A Markdown file larger than `maxFileSize`, skipped.
public enum FileTooLarge: RuleDefinition {
  public static let info = RuleInfo(
    id: .fileTooLarge, defaultSeverity: .warning,
    summary: "A Markdown file is larger than maxFileSize and was not checked.",
    help: "Raise maxFileSize in docproof.yml if the file is meant to be that large.",
    triggers: [
      "docproof.yml": "maxFileSize: 16\n",
      "en-us/page.md": "# A page longer than sixteen bytes\n",
    ],
    passes: ["en-us/page.md": "# Small\n"])

  static func skipped(size: Int, limit: Int) -> RuleMessage {
    message(
      "skipped: \(size) bytes is more than maxFileSize (\(limit))",
      notes: ["raise maxFileSize in docproof.yml to check it"])
  }
}
