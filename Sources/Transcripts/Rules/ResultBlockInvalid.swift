import DocModel

public enum ResultBlockInvalid: RuleDefinition {
  public static let info = RuleInfo(
    id: .resultBlockInvalid, defaultSeverity: .error,
    summary: "An Innovation Engine result block cannot be checked as written.",
    help: "`<!-- expected_similarity=0.8 -->` (a number from 0 to 1) or "
      + "`<!-- expected_similarity=\"REGEX\" -->` goes right before the fenced block that "
      + "shows the output of the bash, azurecli or terraform block above it; a json result "
      + "must be a JSON object. Innovation Engine silently drops what it cannot read.",
    triggers: [
      "en-us/page.md":
        "# T\n\n```bash\necho hi\n```\n\n<!-- expected_similarity=2 -->\n\n```output\nhi\n```\n"
    ],
    passes: [
      "en-us/page.md":
        "# T\n\n```bash\necho hi\n```\n\n<!-- expected_similarity=0.8 -->\n\n```output\nhi\n```\n"
    ])
}
