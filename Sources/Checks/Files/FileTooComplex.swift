import DocModel

/// A file the Markdown parser did not finish within its time budget: not checked.
public enum FileTooComplex: Rule {
  public static let info = RuleInfo(
    id: .fileTooComplex, defaultSeverity: .warning,
    summary: "A file takes the Markdown parser too long, so it is not checked.",
    help: "cmark-gfm 0.29 takes time quadratic in a long paragraph of links and emphasis; "
      + "docproof gives each large file a few seconds (one more per MB) and reports the "
      + "paragraph it found longest. Split it, or exclude the file in docproof.yml.",
    triggers: [:], passes: ["en-us/page.md": "# Fine\n\n[link](page.md) *e*\n"])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    parserFindings(context)
  }
}
