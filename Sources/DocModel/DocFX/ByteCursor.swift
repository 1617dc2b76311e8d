/// A cursor over one line's bytes that reads like Markdig's `StringSlice`: the current
/// character is `0` past the end.
struct ByteCursor {
  let bytes: [UInt8]
  var index: Int
  let end: Int

  init(bytes: [UInt8], start: Int, end: Int) {
    self.bytes = bytes
    self.index = start
    self.end = end
  }

  var current: UInt8 { index < end ? bytes[index] : 0 }
  var isAtEnd: Bool { index >= end }

  func peek(_ offset: Int) -> UInt8 {
    let position = index + offset
    return position >= 0 && position < end ? bytes[position] : 0
  }

  @discardableResult
  mutating func advance() -> UInt8 {
    if index < end { index += 1 }
    return current
  }

  /// Skips spaces and tabs; returns the character after them.
  @discardableResult
  mutating func skipSpacesAndTabs() -> UInt8 {
    while current == 0x20 || current == 0x09 { advance() }
    return current
  }

  /// Skips spaces, tabs and other ASCII whitespace.
  mutating func skipWhitespace() {
    while current != 0, ByteClass.isWhitespace(current) { advance() }
  }

  /// Matches `text` at the cursor, advancing over every matching character even when the
  /// whole text does not match (as DocFX's `ExtensionsHelper.MatchStart` does).
  mutating func matchStart(_ text: String, caseSensitive: Bool = true) -> Bool {
    var matched = 0
    let expected = Array(text.utf8)
    while current != 0, matched < expected.count,
      caseSensitive
        ? current == expected[matched]
        : ByteClass.lowercased(current) == ByteClass.lowercased(expected[matched])
    {
      advance()
      matched += 1
    }
    return matched == expected.count
  }

  /// The bytes between two offsets as a string.
  func text(_ from: Int, _ to: Int) -> String {
    String(decoding: bytes[from..<max(from, min(to, end))], as: UTF8.self)
  }
}

/// ASCII character classes as Markdig defines them.
enum ByteClass {
  static func isAlpha(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  static func isAlphaNumeric(_ byte: UInt8) -> Bool {
    isAlpha(byte) || (0x30...0x39).contains(byte)
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
