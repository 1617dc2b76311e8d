import DocModel

/// A page with pivot zones but no `zone_pivot_groups` in its front matter.
public enum ZonePivotGroupMissing: Rule {
  public static let info = RuleInfo(
    id: .zonePivotGroupMissing, defaultSeverity: .error,
    summary: "A page uses zone pivots but names no zone_pivot_groups.",
    help: "Without zone_pivot_groups the page has no pivot selector and readers see every "
      + "zone. Add zone_pivot_groups naming a group of zone-pivot-groups.yml.",
    triggers: ["en-us/page.md": "---\ntitle: T\n---\n::: zone pivot=\"python\"\nx\n::: zone-end\n"],
    passes: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"python\"\nx\n::: zone-end\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    context.pivotUsages.compactMap { usage in
      guard usage.groupNames.isEmpty,
        let first = usage.zones.first(where: { !$0.zone.pivots.isEmpty })
      else { return nil }
      return finding(
        first.file, line: first.zone.line, column: first.zone.column,
        "this page uses zone pivots, but its front matter has no zone_pivot_groups",
        notes: first.file == usage.page
          ? ["add 'zone_pivot_groups: GROUP' to the front matter"]
          : ["the zone is in an include of \(usage.page); add zone_pivot_groups there"])
    }
  }
}
