import DocModel

/// Compares a transcript shown in a page with what a program printed, both normalized.
///
/// The page may use trycmd's wildcards: `[..]` inside a line matches any text on that line,
/// and a line holding only `...` matches any number of lines (none included).
public enum TranscriptMatcher {
  /// Whether the page's lines match the output's lines.
  public static func matches(expected: [String], actual: [String]) -> Bool {
    var memo: [Int: Bool] = [:]
    func match(_ i: Int, _ j: Int) -> Bool {
      let key = i * (actual.count + 1) + j
      if let known = memo[key] { return known }
      let result: Bool
      if i == expected.count {
        result = j == actual.count
      } else if isEllipsis(expected[i]) {
        result = (j...actual.count).contains { match(i + 1, $0) }
      } else {
        result = j < actual.count && lineMatches(expected[i], actual[j]) && match(i + 1, j + 1)
      }
      memo[key] = result
      return result
    }
    return match(0, 0)
  }

  /// Whether one page line matches one output line (`[..]` matches any text).
  public static func lineMatches(_ pattern: String, _ line: String) -> Bool {
    guard pattern.contains("[..]") else { return pattern == line }
    let parts = pattern.split(separator: "[..]", omittingEmptySubsequences: false)
    var rest = Substring(line)
    guard rest.hasPrefix(parts[0]) else { return false }
    rest = rest.dropFirst(parts[0].count)
    for (index, part) in parts.enumerated().dropFirst() {
      if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
      guard let range = rest.firstRange(of: part) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }

  /// A line that is only `...` (surrounding spaces allowed).
  public static func isEllipsis(_ line: String) -> Bool {
    line.trimmingSpaces() == "..."
  }
}
