import DocModel
import DocSite
import Foundation

/// `zone_pivot_groups` names a group that `zone-pivot-groups.yml` does not define.
public enum PivotGroupNotFound: Rule {
  public static let info = RuleInfo(
    id: .pivotGroupNotFound, defaultSeverity: .error,
    summary: "zone_pivot_groups names a pivot group that is not defined.",
    help: "Define the group in the locale's zone-pivot-groups.yml, or fix its name. Names are "
      + "split on commas and not trimmed.",
    triggers: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "en-us/page.md": "---\ntitle: T\nzone_pivot_groups: languages\n---\n# T\n",
    ],
    passes: [
      "en-us/zone-pivot-groups.yml": "groups:\n- id: langs\n  pivots:\n  - id: python\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"python\"\nx\n::: zone-end\n",
    ])

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for usage in context.pivotUsages {
      for name in usage.groupNames where usage.definitions?.group(name) == nil {
        guard let definitions = usage.definitions else {
          findings.append(
            finding(
              usage.page, line: usage.groupsLine,
              "pivot group '\(name)' is not defined: there is no \(usage.definitionsLooked)"))
          continue
        }
        var notes: [String] = []
        if name != name.trimmingCharacters(in: [" "]) {
          notes.append("group names are not trimmed: remove the spaces around the comma")
        }
        if let suggestion = Suggestion.closest(to: name, in: definitions.groups.map(\.id)) {
          notes.append("did you mean '\(suggestion)'?")
        }
        findings.append(
          finding(
            usage.page, line: usage.groupsLine,
            "pivot group '\(name)' is not defined in \(context.site.displayPath(definitions.path))",
            notes: notes))
      }
    }
    return findings
  }
}
