import DocModel
import DocSite
import Foundation

/// A zone names a pivot that the page's pivot groups do not define.
public enum PivotIdNotFound: Rule {
  public static let info = RuleInfo(
    id: .pivotIdNotFound, defaultSeverity: .error,
    summary: "A zone's pivot is not in the page's pivot groups.",
    help: "Readers can never select this zone. Use a pivot id of the groups named by "
      + "zone_pivot_groups.",
    triggers: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"pyhton\"\nx\n::: zone-end\n",
    ],
    passes: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"python\"\nx\n::: zone-end\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for usage in context.pivotUsages where !usage.groups.isEmpty {
      let defined = Set(usage.definedPivots)
      let groupList = usage.groups.map { "'\($0.id)'" }.joined(separator: ", ")
      for placed in usage.zones {
        for pivot in placed.zone.pivots where !defined.contains(pivot) {
          var notes: [String] = []
          if let suggestion = Suggestion.closest(to: pivot, in: defined) {
            notes.append("did you mean '\(suggestion)'?")
          }
          if placed.file != usage.page { notes.append("included by \(usage.page)") }
          findings.append(
            finding(
              placed.file, line: placed.zone.line,
              column: placed.zone.pivotColumn ?? placed.zone.column,
              "pivot '\(pivot)' is not in pivot group \(groupList)", notes: notes))
        }
      }
    }
    return findings
  }
}
