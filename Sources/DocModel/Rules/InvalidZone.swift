/// A `::: zone` block DocFX rejects or renders as text.
public enum InvalidZone: RuleDefinition {
  public static let info = RuleInfo(
    id: .invalidZone, defaultSeverity: .error,
    summary: "A ::: zone block is malformed.",
    help: "DocFX's zone rules: attribute values in double quotes; pivot ids of lower-case "
      + "letters, digits and dashes; target docs, chromeless or pdf; no nesting; every zone "
      + "closed by '::: zone-end' alone on its line.",
    triggers: ["en-us/page.md": "::: zone pivot='python'\nText.\n::: zone-end\n"],
    passes: ["en-us/page.md": "::: zone target=\"docs\"\nText.\n::: zone-end\n"])

  static func notClosed(zoneLine: Int) -> RuleMessage {
    message(
      "Invalid zone on line \(zoneLine). No \"::: zone-end\" found. "
        + "Blocks should be explicitly closed.",
      notes: ["everything after it, to the end of the file, belongs to the zone"])
  }

  /// DocFX reports text after `::: zone-end` as a warning, and closes the zone anyway.
  static func textAfterEnd(zoneLine: Int, line: String, trailing: String) -> RuleMessage {
    message(
      "Invalid zone on line \(zoneLine). \"\(line)\" is "
        + "invalid. Invalid character after \"::: zone-end\": \"\(trailing.prefix(1))\"",
      notes: ["nothing may follow '::: zone-end' on its line; DocFX ignores \"\(trailing)\""],
      severity: .warning)
  }

  static let endWithoutZone = message(
    "'::: zone-end' without an open zone: DocFX renders it as text on the page",
    notes: ["remove it, or add the '::: zone pivot=\"...\"' line it should close"])

  static func nested(openLine: Int) -> RuleMessage {
    message(
      "Zones cannot be nested.",
      notes: [
        "the zone opened on line \(openLine) is still open: close it with '::: zone-end' first"
      ])
  }

  static func malformedAttributes(_ error: TripleColonSyntax.AttributeError) -> RuleMessage {
    message(error.message)
  }

  static func unexpectedTarget(_ value: String) -> RuleMessage {
    message(
      "Unexpected target \"\(value)\". Permitted targets are \"docs\", "
        + "\"chromeless\" or \"pdf\".")
  }

  static func invalidPivot(_ value: String) -> RuleMessage {
    message(
      "Invalid pivot \"\(value)\". Pivot must be a comma-delimited list of "
        + "pivot names. Pivot names must be lower-case and contain only letters, "
        + "numbers or dashes.")
  }

  static func unexpectedAttribute(_ name: String) -> RuleMessage {
    message("Unexpected attribute \"\(name)\".")
  }

  static let noTargetOrPivot = message("Either target or pivot must be specified.")

  static let pivotOnPDF = message("Pivot not permitted on pdf target.")
}
