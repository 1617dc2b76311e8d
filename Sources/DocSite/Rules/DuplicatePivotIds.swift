import DocModel

/// A pivot id listed twice in one group.
public enum DuplicatePivotIds: RuleDefinition {
  public static let info = RuleInfo(
    id: .duplicatePivotIds, defaultSeverity: .warning,
    summary: "A pivot id appears more than once in a group.",
    help: "Readers would see the choice twice; remove the repeated pivot.",
    triggers: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: a\n  - id: a\n"
    ],
    passes: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: a\n  - id: b\n"
    ])

  static func appearsTwice(_ pivot: String, group: String, firstLine: Int) -> RuleMessage {
    message("pivot '\(pivot)' appears twice in group '\(group)' (first on line \(firstLine))")
  }
}
