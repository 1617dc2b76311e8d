import DocModel

/// An include, link, image or snippet that leads outside the checked tree.
public enum PathOutsideRoot: RuleDefinition {
  public static let info = RuleInfo(
    id: .pathOutsideRoot, defaultSeverity: .error,
    summary: "A path leads outside the checked tree.",
    help: "docproof never reads outside the root it was given, directly or through symbolic "
      + "links; DocFX would not publish the target either.",
    triggers: ["en-us/page.md": "# T\n\n[!INCLUDE [x](../../outside.md)]\n"],
    passes: ["en-us/page.md": "# T\n\n[!INCLUDE [x](inside.md)]\n", "en-us/inside.md": "x\n"])

  static func symbolicLink(to target: String) -> RuleMessage {
    message("this is a symbolic link to \(target), outside the checked tree: not read")
  }

  public static func include(_ path: String) -> RuleMessage {
    message("included file '\(path)' is outside the checked tree: not read")
  }

  /// `kind`: "link", "image", ...
  public static func reference(_ kind: String, _ target: String) -> RuleMessage {
    message("\(kind) '\(target)' leads outside the checked tree")
  }

  public static func codeSnippet(_ path: String) -> RuleMessage {
    message("code snippet '\(path)' is outside the checked tree: not read")
  }

  /// A `docproof: snippet` marker's source outside the project root docproof.yml names.
  public static func snippetSource(_ source: String, project: String) -> RuleMessage {
    message(
      "snippet source '\(source)' is outside the project root: not read",
      notes: ["the project root is '\(project)' in docproof.yml"])
  }
}
