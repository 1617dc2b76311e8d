import DocModel

/// A pivot id listed twice in one group.
public enum DuplicatePivotIds: Rule {
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

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.pivotGroups.values.flatMap { $0.diagnostics.filter { $0.rule == info.id } }
  }
}
