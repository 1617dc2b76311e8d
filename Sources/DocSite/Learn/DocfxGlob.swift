/// A file glob as the Learn build matches `docfx.json`'s `files`, `exclude` and
/// `fileMetadata` patterns: against the whole path below the mapping's `src`, `*` and `?`
/// within a segment, `**` across segments, `[abc]` classes and `{a,b}` alternatives, case
/// ignored (the build's checkout is case-insensitive: `src: docs/latest-version` takes
/// `docs/Latest-version`). A path with a segment that starts with `.` never matches.
public struct DocfxGlob: Sendable, Hashable {
  /// The pattern as written.
  public let pattern: String
  /// Each `{a,b}` alternative's segments, lowercased.
  private let alternatives: [[[Character]]]

  public init(_ pattern: String) {
    self.pattern = pattern
    alternatives = Self.expandBraces(Self.preprocessed(pattern)).map { alternative in
      alternative.lowercased().split(separator: "/", omittingEmptySubsequences: true).map(
        Array.init)
    }
  }

  /// Whether a `/`-separated path relative to the mapping's folder matches.
  public func matches(_ path: String) -> Bool {
    let segments = path.lowercased().split(separator: "/", omittingEmptySubsequences: true)
      .map(Array.init)
    guard !segments.contains(where: { $0.first == "." }) else { return false }
    return alternatives.contains { Self.match($0[...], segments[...]) }
  }

  /// The build's shorthands: `**.md` is `**/*.md`, `a/**/*` is `a/**`, runs of `*` past
  /// two are `**`, `./` and `\` are dropped and made `/`.
  static func preprocessed(_ pattern: String) -> String {
    var text = pattern.replacingOccurrences(of: "\\", with: "/")
    while text.hasPrefix("./") { text.removeFirst(2) }
    while text.contains("***") { text = text.replacingOccurrences(of: "***", with: "**") }
    if text.hasPrefix("**.") { text = "**/*." + text.dropFirst(3) }
    if text.hasSuffix("**/*") { text.removeLast(2) }
    text = text.replacingOccurrences(of: "/**.", with: "/**/*.")
    while text.contains("/**/**/") {
      text = text.replacingOccurrences(of: "/**/**/", with: "/**/")
    }
    return text
  }

  /// `a{b,c{d,e}}` → `ab`, `acd`, `ace`; unbalanced braces stay as they are.
  static func expandBraces(_ pattern: String) -> [String] {
    let characters = Array(pattern)
    guard let open = characters.firstIndex(of: "{") else { return [pattern] }
    var depth = 0
    var parts: [String] = []
    var start = open + 1
    for index in open..<characters.count {
      switch characters[index] {
      case "{": depth += 1
      case "}":
        depth -= 1
        if depth == 0 {
          parts.append(String(characters[start..<index]))
          let prefix = String(characters[..<open])
          let suffixes = expandBraces(String(characters[(index + 1)...]))
          return parts.flatMap { part in
            expandBraces(part).flatMap { inner in suffixes.map { prefix + inner + $0 } }
          }
        }
      case "," where depth == 1:
        parts.append(String(characters[start..<index]))
        start = index + 1
      default:
        break
      }
    }
    return [pattern]
  }

  private static func match(_ pattern: ArraySlice<[Character]>, _ path: ArraySlice<[Character]>)
    -> Bool
  {
    guard let head = pattern.first else { return path.isEmpty }
    if head == ["*", "*"] {
      let rest = pattern.dropFirst()
      var index = path.startIndex
      while true {
        if match(rest, path[index...]) { return true }
        if index == path.endIndex { return false }
        index += 1
      }
    }
    guard let segment = path.first, matchSegment(head[...], segment[...]) else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  /// `*`, `?` and `[...]` (`[!...]` negated) within one segment, with backtracking on `*`.
  private static func matchSegment(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>)
    -> Bool
  {
    var p = pattern.startIndex
    var t = text.startIndex
    var star: (pattern: Int, text: Int)?
    while t < text.endIndex {
      if p < pattern.endIndex {
        switch pattern[p] {
        case "*":
          star = (p, t)
          p += 1
          continue
        case "?":
          p += 1
          t += 1
          continue
        case "[":
          if let (matched, next) = matchClass(pattern, at: p, text[t]) {
            if matched {
              p = next
              t += 1
              continue
            }
          } else if text[t] == "[" {
            p += 1
            t += 1
            continue
          }
        default:
          if pattern[p] == text[t] {
            p += 1
            t += 1
            continue
          }
        }
      }
      guard let last = star else { return false }
      star = (last.pattern, last.text + 1)
      p = last.pattern + 1
      t = last.text + 1
    }
    while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
    return p == pattern.endIndex
  }

  /// A `[...]` class at `start`: whether `character` is in it and where the pattern goes on;
  /// `nil` when the class is not closed (the `[` is then a plain character).
  private static func matchClass(
    _ pattern: ArraySlice<Character>, at start: Int, _ character: Character
  )
    -> (Bool, Int)?
  {
    var index = start + 1
    var negated = false
    if index < pattern.endIndex, pattern[index] == "!" || pattern[index] == "^" {
      negated = true
      index += 1
    }
    var found = false
    var first = true
    while index < pattern.endIndex {
      let current = pattern[index]
      if current == "]", !first { return (found != negated, index + 1) }
      first = false
      if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
        if current <= character, character <= pattern[index + 2] { found = true }
        index += 3
      } else {
        if current == character { found = true }
        index += 1
      }
    }
    return nil
  }
}
