import DocModel

/// A pivot group id defined twice in `zone-pivot-groups.yml`.
public enum DuplicatePivotGroups: RuleDefinition {
  public static let info = RuleInfo(
    id: .duplicatePivotGroups, defaultSeverity: .warning,
    summary: "A pivot group id is defined more than once.",
    help: "Only the first definition is used; remove or rename the others.",
    triggers: [
      "en-us/zone-pivot-groups.yml":
        "groups:\n- id: langs\n  pivots:\n  - id: a\n- id: langs\n  pivots:\n  - id: b\n"
    ],
    passes: ["en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: a\n"])

  static func definedAgain(_ group: String, firstLine: Int) -> RuleMessage {
    message("pivot group '\(group)' is defined again (first on line \(firstLine))")
  }
}
