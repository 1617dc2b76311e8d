/// Extracts a named region from source text, as DocFX's code snippets name them: a comment
/// line `// <name>` (or `# <name>`, `<!-- <name> -->`, `-- <name>`, `' <name>`) up to
/// `// </name>`, or C#'s `#region name` up to `#endregion`. Names match without regard to
/// case, as DocFX's extractor matches them. The lines are dedented by their common
/// indentation; marker lines of other regions inside are dropped.
public enum SnippetRegion {
  /// The names of the regions a source text opens, in order (each once).
  public static func names(in text: String) -> [String] {
    var names: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
      var name: String?
      if let tag = tag(line), !tag.hasPrefix("/"), !tag.isEmpty { name = tag }
      let trimmed = line.trimmingSpaces()
      if trimmed.hasPrefix("#region ") {
        name = String(trimmed.dropFirst("#region ".count)).trimmingSpaces()
      }
      if let name, !names.contains(where: { $0.lowercased() == name.lowercased() }) {
        names.append(name)
      }
    }
    return names
  }

  public static func extract(_ name: String, from text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    guard let start = lines.firstIndex(where: { isOpening($0, name) }) else { return nil }
    var depth = 0
    var end: Int?
    for index in (start + 1)..<lines.count {
      if isOpening(lines[index], name) || isRegionStart(lines[index]) { depth += 1 }
      if isClosing(lines[index], name) || (isRegionEnd(lines[index]) && isRegionStart(lines[start]))
      {
        if depth == 0 {
          end = index
          break
        }
        depth -= 1
      }
    }
    guard let end else { return nil }
    let body = lines[(start + 1)..<end].filter { !isAnyTag($0) }
    let indent =
      body.filter { !$0.trimmingSpaces().isEmpty }
      .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
    return body.map {
      String($0.dropFirst(min(indent, $0.prefix { $0 == " " || $0 == "\t" }.count)))
    }
    .joined(separator: "\n") + "\n"
  }

  private static let commentStarts = ["//", "#", "<!--", "--", "'", ";", "/*", "REM"]

  private static func tag(_ line: String) -> String? {
    var text = Substring(line.trimmingSpaces())
    guard let start = commentStarts.first(where: { text.hasPrefix($0) }) else { return nil }
    text = text.dropFirst(start.count)
    for end in ["-->", "*/"] where text.hasSuffix(end) { text = text.dropLast(end.count) }
    let trimmed = String(text).trimmingSpaces()
    guard trimmed.hasPrefix("<"), trimmed.hasSuffix(">") else { return nil }
    return String(trimmed.dropFirst().dropLast())
  }

  private static func isOpening(_ line: String, _ name: String) -> Bool {
    if tag(line)?.lowercased() == name.lowercased() { return true }
    let trimmed = line.trimmingSpaces()
    return trimmed.hasPrefix("#region ")
      && trimmed.dropFirst("#region ".count).trimmingSpaces().lowercased() == name.lowercased()
  }

  private static func isClosing(_ line: String, _ name: String) -> Bool {
    tag(line)?.lowercased() == "/" + name.lowercased()
  }

  private static func isRegionStart(_ line: String) -> Bool {
    line.trimmingSpaces().hasPrefix("#region")
  }

  private static func isRegionEnd(_ line: String) -> Bool {
    line.trimmingSpaces().hasPrefix("#endregion")
  }

  private static func isAnyTag(_ line: String) -> Bool {
    guard let name = tag(line) else { return isRegionStart(line) || isRegionEnd(line) }
    return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "-_/.".contains($0) }
  }
}
