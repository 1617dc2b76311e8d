/// Path globs as in `.gitignore`-style configuration: `*` within a path segment, `**` across
/// segments, `?` one character. Matching is on `/`-separated relative paths.
public struct Glob: Sendable, Hashable {
  public let pattern: String
  private let parts: [Substring]

  public init(_ pattern: String) {
    self.pattern = pattern
    var trimmed = Substring(pattern)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
    if trimmed.hasSuffix("/") { trimmed = trimmed + "**" }
    parts = trimmed.split(separator: "/", omittingEmptySubsequences: true)
  }

  /// Whether the path matches (a pattern naming a folder matches everything under it).
  public func matches(_ path: String) -> Bool {
    let segments = path.split(separator: "/", omittingEmptySubsequences: true)
    return Self.match(parts[...], segments[...]) || Self.match(parts[...] + ["**"], segments[...])
  }

  private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool
  {
    guard let head = pattern.first else { return path.isEmpty }
    if head == "**" {
      let rest = pattern.dropFirst()
      var index = path.startIndex
      while true {
        if match(rest, path[index...]) { return true }
        if index == path.endIndex { return false }
        index += 1
      }
    }
    guard let segment = path.first,
      matchSegment(Array(head.unicodeScalars)[...], Array(segment.unicodeScalars)[...])
    else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  private static func matchSegment(
    _ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>
  ) -> Bool {
    var p = pattern.startIndex
    var t = text.startIndex
    var star: Int?
    var mark = t
    while t < text.endIndex {
      if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == text[t] {
        p += 1
        t += 1
      } else if p < pattern.endIndex, pattern[p] == "*" {
        star = p
        mark = t
        p += 1
      } else if let starIndex = star {
        p = starIndex + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
    return p == pattern.endIndex
  }
}
