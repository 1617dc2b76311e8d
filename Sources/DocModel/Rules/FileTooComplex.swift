import Foundation

/// A file the Markdown parser did not finish within its time budget: not checked.
public enum FileTooComplex: RuleDefinition {
  public static let info = RuleInfo(
    id: .fileTooComplex, defaultSeverity: .warning,
    summary: "A file takes the Markdown parser too long, so it is not checked.",
    help: "cmark-gfm 0.29 takes time quadratic in a long paragraph of links and emphasis; "
      + "docproof gives each large file a few seconds (one more per MB) and reports the "
      + "paragraph it found longest. Split it, or exclude the file in docproof.yml.",
    triggers: [:], passes: ["en-us/page.md": "# Fine\n\n[link](page.md) *e*\n"])

  /// `paragraph`: the longest paragraph's length in bytes and its counts of '[' and of
  /// emphasis delimiters.
  static func notFinished(
    seconds: Double, paragraph: (length: Int, brackets: Int, emphasis: Int)
  ) -> RuleMessage {
    message(
      "not checked: the Markdown parser did not finish this file within \(String(format: "%.0f", seconds)) s",
      notes: [
        "its longest paragraph starts here: \(paragraph.length) bytes, with \(paragraph.brackets) '[' and "
          + "\(paragraph.emphasis) emphasis delimiters; cmark-gfm 0.29 takes time quadratic in such "
          + "a paragraph: split it, or exclude the file in docproof.yml"
      ])
  }
}
