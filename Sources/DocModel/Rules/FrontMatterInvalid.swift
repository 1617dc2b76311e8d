/// Front matter that is not valid YAML, not a mapping, never closed, or repeats a key.
public enum FrontMatterInvalid: RuleDefinition {
  public static let info = RuleInfo(
    id: .frontMatterInvalid, defaultSeverity: .error,
    summary: "The YAML front matter cannot be read.",
    help: "Front matter is a YAML mapping between a first line '---' and the next '---'. "
      + "The finding points at the line libyaml stopped on.",
    triggers: ["en-us/page.md": "---\ntitle: \"unterminated\n---\n# Page\n"],
    passes: ["en-us/page.md": "---\ntitle: Fine\n---\n# Page\n"])

  static let neverClosed = message(
    "front matter opened on line 1 is never closed: add a '---' line after the YAML, "
      + "or the page is read without front matter")

  /// `kind`: what the YAML is instead ("sequence", "single value", ...).
  static func notAMapping(_ kind: String) -> RuleMessage {
    message("front matter must be a YAML mapping of keys to values, but it is a \(kind)")
  }

  static func tooManyValues(limit: Int) -> RuleMessage {
    message(
      "front matter holds more than \(limit) values once its YAML aliases are expanded; it is "
        + "not read",
      notes: ["repeat the values instead of nesting aliases ('*name') in aliases"])
  }

  static func repeatedKeys(_ keys: [String]) -> RuleMessage {
    message("front matter repeats the key(s) " + keys.map { "'\($0)'" }.joined(separator: ", "))
  }

  /// A repeated key is read once, so the page still builds: a warning.
  static func repeatedKey(_ key: String, firstLine: Int) -> RuleMessage {
    message(
      "front matter key '\(key)' is repeated; the first value (line \(firstLine)) is used",
      notes: ["remove one of the two '\(key)' lines"], severity: .warning)
  }

  static func notYAML(_ problem: String) -> RuleMessage {
    message("front matter is not valid YAML: \(problem)")
  }
}
