/// DocFX's `[title](path)` matcher for includes (`ExtensionsHelper.MatchLink`), ported.
enum LinkSyntax {
  struct Match {
    var title: String
    var path: String
  }

  /// Matches ` [title](path "optional title")` at the cursor.
  static func matchLink(_ cursor: inout ByteCursor) -> Match? {
    guard let title = matchTitle(&cursor), let path = matchPath(&cursor) else { return nil }
    return Match(title: title, path: path)
  }

  /// Matches the `]` that closes an include.
  static func matchInclusionEnd(_ cursor: inout ByteCursor) -> Bool {
    guard cursor.current == UInt8(ascii: "]") else { return false }
    cursor.advance()
    return true
  }

  private static func matchTitle(_ cursor: inout ByteCursor) -> String? {
    while cursor.current == 0x20 { cursor.advance() }
    guard cursor.current == UInt8(ascii: "[") else { return nil }
    var character = cursor.advance()
    var title: [UInt8] = []
    var escaped = false
    while character != 0, character != UInt8(ascii: "]") || escaped {
      if character == UInt8(ascii: "\\"), !escaped {
        escaped = true
      } else {
        title.append(character)
        escaped = false
      }
      character = cursor.advance()
    }
    guard character == UInt8(ascii: "]") else { return nil }
    cursor.advance()
    return String(decoding: title, as: UTF8.self).trimmingSpaces()
  }

  private static func matchPath(_ cursor: inout ByteCursor) -> String? {
    guard cursor.current == UInt8(ascii: "(") else { return nil }
    cursor.advance()
    cursor.skipWhitespace()
    let stops: [UInt8] =
      cursor.current == UInt8(ascii: "<")
      ? [UInt8(ascii: ")"), UInt8(ascii: ">")] : [UInt8(ascii: ")")]
    guard var path = stringBefore(stops, &cursor, breakOnWhitespace: true) else { return nil }
    if path.first == "<", cursor.current == UInt8(ascii: ">") {
      path = String(path.dropFirst()).trimmingSpaces()
    }
    if cursor.current == UInt8(ascii: ")") {
      cursor.advance()
      return path
    }
    guard stringBefore([UInt8(ascii: ")")], &cursor, breakOnWhitespace: false) != nil else {
      return nil
    }
    cursor.advance()
    return path
  }

  /// Reads up to one of `stops` (backslash escapes honored); `nil` when none is found.
  static func stringBefore(_ stops: [UInt8], _ cursor: inout ByteCursor, breakOnWhitespace: Bool)
    -> String?
  {
    let saved = cursor
    var character = cursor.current
    var escaped = false
    var result: [UInt8] = []
    while character != 0, !breakOnWhitespace || !ByteClass.isWhitespace(character),
      escaped || !stops.contains(character)
    {
      if character == UInt8(ascii: "\\"), !escaped {
        escaped = true
      } else {
        result.append(character)
        escaped = false
      }
      character = cursor.advance()
    }
    if character == 0 {
      cursor = saved
      return nil
    }
    return String(decoding: result, as: UTF8.self).trimmingSpaces()
  }
}
