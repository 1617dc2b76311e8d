import DocModel

/// A `zone-pivot-groups.yml` that cannot be read as pivot groups.
public enum ZonePivotGroupsInvalid: RuleDefinition {
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

  static let empty = message("the file is empty: it must define 'groups:'")

  static func repeatedKeys(_ keys: [String]) -> RuleMessage {
    message("key(s) \(keys.joined(separator: ", ")) repeated")
  }

  static func notYAML(_ problem: String) -> RuleMessage { message("not valid YAML: \(problem)") }

  static let notAMapping = message("expected a mapping with a 'groups:' list")

  static let noGroupsList = message("expected a 'groups:' list of pivot groups")

  static let groupWithoutID = message("a pivot group needs an 'id'")

  static func pivotWithoutID(group: String) -> RuleMessage {
    message("a pivot in group '\(group)' needs an 'id'")
  }

  static func noPivotsList(group: String) -> RuleMessage {
    message("pivot group '\(group)' needs a 'pivots:' list")
  }
}
