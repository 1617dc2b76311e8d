import DocModel

/// A pivot of the page's groups that no zone on the page uses.
public enum PivotIdUnused: Rule {
  public static let info = RuleInfo(
    id: .pivotIdUnused, defaultSeverity: .warning,
    summary: "A pivot of the page's groups has no zone on the page.",
    help: "Readers who choose it see none of the pivot-specific content. Add a zone for it, "
      + "or use a group without it.",
    triggers: [
      "en-us/zone-pivot-groups.yml":
        "groups:\n- id: langs\n  pivots:\n  - id: python\n  - id: java\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"python\"\nx\n::: zone-end\n",
    ],
    passes: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"python\"\nx\n::: zone-end\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for usage in context.pivotUsages where !usage.groups.isEmpty {
      let used = Set(usage.zones.flatMap(\.zone.pivots))
      for group in usage.groups {
        for pivot in group.pivots where !used.contains(pivot.id) {
          findings.append(
            finding(
              usage.page, line: usage.groupsLine,
              "pivot '\(pivot.id)' of group '\(group.id)' has no zone on this page"))
        }
      }
    }
    return findings
  }
}
