import DocModel

/// A JSON value with the line and column it starts on.
///
/// The Learn build reads its configuration with JSON.NET, which is more forgiving than
/// JSON: comments (`//`, `/* */`), a comma before `]` or `}`, single-quoted strings and
/// unquoted property names are read, and a repeated property replaces the earlier value in
/// place. Real docfx.json files rely on each of these, so `JSONNode.parse` reads the same
/// and rejects the rest, with the line and column of the problem. No JSON library of the
/// platform reports positions (Foundation's does not, nor does it read comments on Linux).
struct JSONNode: Sendable {
  enum Value: Sendable {
    /// Properties in first-appearance order; a repeated name keeps its first place and its
    /// last value.
    case object([(name: String, value: JSONNode)])
    case array([JSONNode])
    case string(String)
    /// The number as written (`3`, `-1.5e3`).
    case number(String)
    case bool(Bool)
    case null
  }

  var value: Value
  var line: Int
  var column: Int

  /// Where and why a text is not JSON.
  struct SyntaxError: Error, Sendable {
    var line: Int
    var column: Int
    var message: String
  }

  /// Parses one JSON document (a UTF-8 BOM is skipped).
  static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
    var parser = Parser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.index = 3
      parser.lineStart = 3
    }
    try parser.skipSpace()
    let node = try parser.value(depth: 0)
    try parser.skipSpace()
    guard parser.index == bytes.count else {
      throw parser.error("unexpected text after the JSON value")
    }
    return node
  }

  /// The value as front matter types it, for metadata.
  var yamlValue: YAMLValue {
    switch value {
    case .object(let properties):
      .mapping(
        properties.map { YAMLEntry(key: $0.name, value: $0.value.yamlValue, line: $0.value.line) })
    case .array(let items): .sequence(items.map(\.yamlValue))
    case .string(let text): .string(text)
    case .number(let text):
      Int(text).map(YAMLValue.int) ?? Double(text).map(YAMLValue.double) ?? .string(text)
    case .bool(let flag): .bool(flag)
    case .null: .null
    }
  }

  private struct Parser {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    /// Deeper nesting is refused rather than recursed into.
    static let maximumDepth = 512

    init(bytes: [UInt8]) { self.bytes = bytes }

    var column: Int {
      // Columns count characters: UTF-8 continuation bytes do not start one.
      bytes[lineStart..<min(index, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    func error(_ message: String) -> SyntaxError {
      SyntaxError(line: line, column: column, message: message)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }

    /// Skips whitespace and comments.
    mutating func skipSpace() throws(SyntaxError) {
      while let byte = current {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xA0 {
          advance()
        } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count {
          if bytes[index + 1] == UInt8(ascii: "/") {
            while let next = current, next != 0x0A { advance() }
          } else if bytes[index + 1] == UInt8(ascii: "*") {
            let start = error("a comment that is never closed")
            advance()
            advance()
            while true {
              guard let next = current else { throw start }
              if next == UInt8(ascii: "*"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "/")
              {
                advance()
                advance()
                break
              }
              advance()
            }
          } else {
            return
          }
        } else {
          return
        }
      }
    }

    mutating func value(depth: Int) throws(SyntaxError) -> JSONNode {
      guard depth < Self.maximumDepth else {
        throw error("nested more than \(Self.maximumDepth) deep")
      }
      let (startLine, startColumn) = (line, column)
      func node(_ value: Value) -> JSONNode {
        JSONNode(value: value, line: startLine, column: startColumn)
      }
      guard let byte = current else { throw error("the text ends where a value was expected") }
      switch byte {
      case UInt8(ascii: "{"):
        advance()
        var properties: [(name: String, value: JSONNode)] = []
        var places: [String: Int] = [:]
        while true {
          try skipSpace()
          if current == UInt8(ascii: "}") {
            advance()
            return node(.object(properties))
          }
          let name: String
          if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
            name = try string()
          } else {
            name = bareName()
            guard !name.isEmpty else { throw error("expected a property name or '}'") }
          }
          try skipSpace()
          guard current == UInt8(ascii: ":") else {
            throw error("expected ':' after the property name '\(name)'")
          }
          advance()
          try skipSpace()
          let item = try value(depth: depth + 1)
          if let place = places[name] {
            properties[place].value = item
          } else {
            places[name] = properties.count
            properties.append((name, item))
          }
          try skipSpace()
          if current == UInt8(ascii: ",") {
            advance()
          } else if current != UInt8(ascii: "}") {
            throw error("expected ',' or '}' after the value of '\(name)'")
          }
        }
      case UInt8(ascii: "["):
        advance()
        var items: [JSONNode] = []
        while true {
          try skipSpace()
          if current == UInt8(ascii: "]") {
            advance()
            return node(.array(items))
          }
          items.append(try value(depth: depth + 1))
          try skipSpace()
          if current == UInt8(ascii: ",") {
            advance()
          } else if current != UInt8(ascii: "]") {
            throw error("expected ',' or ']' after an item")
          }
        }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        return node(.string(try string()))
      default:
        let word = bareName()
        switch word {
        case "true": return node(.bool(true))
        case "false": return node(.bool(false))
        case "null": return node(.null)
        default:
          guard !word.isEmpty, Double(word) != nil else {
            throw error(word.isEmpty ? "expected a value" : "'\(word)' is not a JSON value")
          }
          return node(.number(word))
        }
      }
    }

    /// A run of name characters: an unquoted property name, a number, a literal.
    mutating func bareName() -> String {
      let start = index
      while let byte = current,
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
          || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
      {
        advance()
      }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A string in double or single quotes, escapes decoded.
    mutating func string() throws(SyntaxError) -> String {
      let quote = bytes[index]
      let opening = error("a string that is never closed")
      advance()
      var text: [UInt8] = []
      while true {
        guard let byte = current else { throw opening }
        if byte == quote {
          advance()
          return String(decoding: text, as: UTF8.self)
        }
        if byte == 0x0A { throw opening }
        if byte != UInt8(ascii: "\\") {
          text.append(byte)
          advance()
          continue
        }
        advance()
        guard let escaped = current else { throw opening }
        advance()
        switch escaped {
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800..<0xDC00).contains(scalar), current == UInt8(ascii: "\\"),
            index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "u")
          {
            advance()
            advance()
            let low = try hex4()
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          text.append(
            contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
        default: text.append(escaped)
        }
      }
    }

    mutating func hex4() throws(SyntaxError) -> UInt32 {
      guard index + 4 <= bytes.count,
        let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
      else { throw error("'\\u' must be followed by four hexadecimal digits") }
      for _ in 0..<4 { advance() }
      return value
    }
  }
}
