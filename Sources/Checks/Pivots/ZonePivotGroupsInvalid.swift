import DocModel

/// A `zone-pivot-groups.yml` that cannot be read as pivot groups.
public enum ZonePivotGroupsInvalid: Rule {
  public static let info = RuleInfo(
    id: .zonePivotGroupsInvalid, defaultSeverity: .error,
    summary: "zone-pivot-groups.yml is not a valid list of pivot groups.",
    help: "The file is a mapping with 'groups:', a list of {id, title, prompt, pivots: "
      + "[{id, title}]}.",
    triggers: ["en-us/zone-pivot-groups.yml": "- just\n- a list\n"],
    passes: [
      "en-us/zone-pivot-groups.yml":
        "groups:\n- id: langs\n  title: Languages\n  prompt: Choose\n  pivots:\n  - id: python\n    title: Python\n"
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.site.pivotGroups.values.flatMap { $0.diagnostics.filter { $0.rule == info.id } }
  }
}
