extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  public func trimmingSpaces() -> String {
    // Most texts (link targets, paths) have nothing to trim: kept as they are, not copied.
    if let first = utf8.first, let last = utf8.last, !Self.isSpace(first), !Self.isSpace(last) {
      return self
    }
    return self[...].trimmingSpaces()
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

extension Substring {
  /// The text without leading and trailing spaces, tabs and line breaks.
  public func trimmingSpaces() -> String {
    // Bytes, not characters: `\r\n` is one Character, and equal to neither `\r` nor `\n`.
    let bytes = utf8
    guard let first = bytes.firstIndex(where: { !String.isSpace($0) }) else { return "" }
    let last = bytes.lastIndex(where: { !String.isSpace($0) })!
    // Both ends sit next to ASCII bytes (or the ends), so on scalar boundaries.
    return String(self[first..<bytes.index(after: last)])
  }
}
