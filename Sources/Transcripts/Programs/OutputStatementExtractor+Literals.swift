/// String literals, expressions and format strings: what turns an argument into text and
/// values.
extension OutputStatementExtractor {
  /// How a literal's body treats backslashes and quotes.
  enum Escapes {
    /// `\n`, `\t`, `\"`, `\\`, `\u{...}`.
    case backslash
    /// Nothing is special but the closing quote.
    case none
    /// A doubled quote stands for one (C# verbatim, PowerShell single-quoted).
    case doubledQuote
    /// PowerShell's backtick: `` `n ``, `` `t ``, `` `" ``.
    case backtick
  }

  /// How a literal's body embeds expressions.
  enum Interpolation {
    case none
    /// `{expr}`, `{{` for a brace (Python f-strings, C# `$"..."`).
    case braces
    /// `${expr}` (JavaScript template literals).
    case dollarBraces
    /// `\(expr)` (Swift).
    case backslashParen
    /// `$name`, `${name}`, `$(command)` (shell and PowerShell double quotes).
    case dollar
  }

  /// The string literal starting at `index`, as pieces, and the index after it.
  func literal(at index: Int) -> (pieces: [OutputPiece], end: Int)? {
    let character = chars[index]
    func at(_ offset: Int) -> Character? {
      index + offset < chars.count ? chars[index + offset] : nil
    }
    func startsName() -> Bool { index == 0 || !isIdentifier(chars[index - 1]) }
    switch language {
    case .python:
      var prefix = ""
      var offset = 0
      while let next = at(offset), "rRbBuUfF".contains(next), prefix.count < 2 {
        prefix.append(next)
        offset += 1
      }
      guard let quote = at(offset), quote == "\"" || quote == "'",
        prefix.isEmpty || startsName()
      else { return nil }
      let lowered = prefix.lowercased()
      let triple = at(offset + 1) == quote && at(offset + 2) == quote
      return body(
        from: index + offset + (triple ? 3 : 1), quote: quote, triple: triple,
        escapes: lowered.contains("r") ? .none : .backslash,
        interpolation: lowered.contains("f") ? .braces : .none)
    case .javascript:
      switch character {
      case "\"", "'":
        return body(from: index + 1, quote: character, escapes: .backslash, interpolation: .none)
      case "`":
        return body(
          from: index + 1, quote: "`", escapes: .backslash, interpolation: .dollarBraces,
          multiline: true)
      default: return nil
      }
    case .csharp:
      var offset = 0
      var verbatim = false
      var interpolated = false
      while let next = at(offset), next == "$" || next == "@", offset < 2 {
        if next == "$" { interpolated = true } else { verbatim = true }
        offset += 1
      }
      guard at(offset) == "\"" else {
        guard offset == 0, character == "'" else { return nil }
        return body(from: index + 1, quote: "'", escapes: .backslash, interpolation: .none)
      }
      if at(offset + 1) == "\"", at(offset + 2) == "\"" {
        // A raw string literal: its text is read as a value.
        var end = index + offset + 3
        while end + 2 < chars.count,
          !(chars[end] == "\"" && chars[end + 1] == "\"" && chars[end + 2] == "\"")
        { end += 1 }
        return ([.value], min(end + 3, chars.count))
      }
      return body(
        from: index + offset + 1, quote: "\"", escapes: verbatim ? .doubledQuote : .backslash,
        interpolation: interpolated ? .braces : .none, multiline: verbatim)
    case .java:
      if character == "\"", at(1) == "\"", at(2) == "\"" {
        return body(
          from: index + 3, quote: "\"", triple: true, escapes: .backslash, interpolation: .none)
      }
      guard character == "\"" || character == "'" else { return nil }
      return body(from: index + 1, quote: character, escapes: .backslash, interpolation: .none)
    case .swift:
      guard character == "\"" else { return nil }
      let triple = at(1) == "\"" && at(2) == "\""
      return body(
        from: index + (triple ? 3 : 1), quote: "\"", triple: triple, escapes: .backslash,
        interpolation: .backslashParen)
    case .go:
      switch character {
      case "\"":
        return body(from: index + 1, quote: "\"", escapes: .backslash, interpolation: .none)
      case "`":
        return body(
          from: index + 1, quote: "`", escapes: .none, interpolation: .none, multiline: true)
      case "'": return body(from: index + 1, quote: "'", escapes: .backslash, interpolation: .none)
      default: return nil
      }
    case .powershell:
      switch character {
      case "\"":
        return body(
          from: index + 1, quote: "\"", escapes: .backtick, interpolation: .dollar, multiline: true)
      case "'":
        return body(
          from: index + 1, quote: "'", escapes: .doubledQuote, interpolation: .none, multiline: true
        )
      default: return nil
      }
    case .shell:
      switch character {
      case "\"":
        return body(
          from: index + 1, quote: "\"", escapes: .backslash, interpolation: .dollar, multiline: true
        )
      case "'":
        return body(
          from: index + 1, quote: "'", escapes: .none, interpolation: .none, multiline: true)
      default: return nil
      }
    }
  }

  /// A literal's body from `start` to its closing quote.
  func body(
    from start: Int, quote: Character, triple: Bool = false, escapes: Escapes,
    interpolation: Interpolation, multiline: Bool = false
  ) -> (pieces: [OutputPiece], end: Int) {
    var pieces: [OutputPiece] = []
    var text = ""
    var index = start
    func flush(_ value: Bool = false) {
      pieces.append(.text(text))
      text = ""
      if value { pieces.append(.value) }
    }
    while index < chars.count {
      let character = chars[index]
      if character == quote {
        if triple {
          if index + 2 < chars.count, chars[index + 1] == quote, chars[index + 2] == quote {
            flush()
            return (pieces, index + 3)
          }
        } else if escapes == .doubledQuote, index + 1 < chars.count, chars[index + 1] == quote {
          text.append(quote)
          index += 2
          continue
        } else {
          flush()
          return (pieces, index + 1)
        }
      }
      if character.isNewline, !triple, !multiline {
        // Unterminated on its line: what was read is the text.
        break
      }
      if escapes == .backslash, character == "\\", index + 1 < chars.count {
        // Swift's \( and shell's \$ are handled below and here.
        let next = chars[index + 1]
        if interpolation == .backslashParen, next == "(", let close = matching(from: index + 1) {
          flush(true)
          index = close + 1
          continue
        }
        if language == .shell {
          // In double quotes only \" \\ \$ \` and a newline are escapes.
          if "\"\\$`".contains(next) {
            text.append(next)
          } else if next.isNewline {
          } else {
            text.append(character)
            text.append(next)
          }
          index += 2
          continue
        }
        switch next {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": break
        case "0": text.append("\0")
        case "u", "x", "U":
          // \u{1F600}, \u00e9, \x41: the character, or a value when it cannot be read.
          let (scalar, length) = unicodeEscape(after: index + 1)
          if let scalar { text.unicodeScalars.append(scalar) } else { flush(true) }
          index += 2 + length
          continue
        case "\n":
          break
        default: text.append(next)
        }
        index += 2
        continue
      }
      if escapes == .backtick, character == "`", index + 1 < chars.count {
        let next = chars[index + 1]
        switch next {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": break
        default: text.append(next)
        }
        index += 2
        continue
      }
      switch interpolation {
      case .braces where character == "{":
        if index + 1 < chars.count, chars[index + 1] == "{" {
          text.append("{")
          index += 2
          continue
        }
        flush(true)
        index = (matching(from: index) ?? chars.count - 1) + 1
        continue
      case .braces where character == "}":
        text.append("}")
        index += index + 1 < chars.count && chars[index + 1] == "}" ? 2 : 1
        continue
      case .dollarBraces where character == "$":
        if index + 1 < chars.count, chars[index + 1] == "{" {
          flush(true)
          index = (matching(from: index + 1) ?? chars.count - 1) + 1
          continue
        }
      case .dollar where character == "$":
        if index + 1 < chars.count,
          isIdentifier(chars[index + 1]) || "{(".contains(chars[index + 1])
            || (language == .shell && "?#@*!".contains(chars[index + 1]))
        {
          flush(true)
          index = variableEnd(from: index + 1)
          // PowerShell's "$name.Property" reads as $name, then ".Property" as text.
          continue
        }
      default:
        break
      }
      text.append(character)
      index += 1
    }
    flush()
    return (pieces, index)
  }

  /// `\u{1F600}`, `\u00e9`, `\U0001F600`, `\x41` after the backslash at `index - 1`: the
  /// scalar and how many characters after the letter it took.
  func unicodeEscape(after index: Int) -> (Unicode.Scalar?, Int) {
    let letter = chars[index]
    var position = index + 1
    var digits = ""
    if position < chars.count, chars[position] == "{" {
      position += 1
      while position < chars.count, chars[position].isHexDigit {
        digits.append(chars[position])
        position += 1
      }
      if position < chars.count, chars[position] == "}" { position += 1 }
    } else {
      let width = letter == "x" ? 2 : letter == "U" ? 8 : 4
      while position < chars.count, digits.count < width, chars[position].isHexDigit {
        digits.append(chars[position])
        position += 1
      }
    }
    let scalar = UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init)
    return (scalar, position - index - 1)
  }

  /// The literal that fills `range` (spaces around it aside), if it is one.
  func literal(atTrimmed range: Range) -> [OutputPiece]? {
    let (start, end) = trimmed(range)
    guard start < end, let literal = literal(at: start), literal.end == end else { return nil }
    return literal.pieces
  }

  func trimmed(_ range: Range) -> Range {
    var start = range.start
    var end = range.end
    while start < end, chars[start].isWhitespace { start += 1 }
    while end > start, chars[end - 1].isWhitespace { end -= 1 }
    return (start, end)
  }

  // MARK: Expressions

  /// What an expression prints: literals as text, concatenation joined, formatting applied,
  /// anything else a value.
  func expression(_ range: Range) -> [OutputPiece] {
    let (start, end) = trimmed(range)
    guard start < end else { return [] }
    let operands = splitConcatenation(start, end)
    if operands.count > 1 {
      return operands.flatMap { operand($0) }
    }
    return operand((start, end))
  }

  /// The operands of top-level `+` (not `++` or `+=`).
  func splitConcatenation(_ start: Int, _ end: Int) -> [Range] {
    split(start, end) { index in
      chars[index] == "+" && index > start && index + 1 < end && chars[index + 1] != "+"
        && chars[index + 1] != "=" && chars[index - 1] != "+"
    }
  }

  static let formatCalls: Set<String> = [
    "String.format", "string.Format", "String.Format", "fmt.Sprintf", "util.format",
  ]

  func operand(_ range: Range) -> [OutputPiece] {
    let (start, end) = trimmed(range)
    guard start < end else { return [] }
    // (expression)
    if chars[start] == "(", let close = matching(from: start), close == end - 1 {
      return expression((start + 1, close))
    }
    // Literals, adjacent ones joined (Python's implicit concatenation).
    if let first = literal(at: start) {
      var pieces = first.pieces
      var index = first.end
      while true {
        var next = index
        while next < end, chars[next].isWhitespace { next += 1 }
        guard next < end, let literal = literal(at: next) else { break }
        pieces += literal.pieces
        index = literal.end
      }
      var rest = index
      while rest < end, chars[rest].isWhitespace { rest += 1 }
      if rest == end { return pieces }
      let tail = String(chars[rest..<end])
      if language == .python, tail.hasPrefix(".format(") { return bracesFormat(pieces) }
      if language == .python, tail.hasPrefix("%") { return printfFormat(pieces) }
      if language == .java, tail.hasPrefix(".formatted(") { return printfFormat(pieces) }
      return [.value]
    }
    // String.format("...", ...), fmt.Sprintf, string.Format.
    let nameEnd = nameEnd(from: start)
    let name = String(chars[start..<nameEnd])
    if Self.formatCalls.contains(name), nameEnd < end, chars[nameEnd] == "(",
      let close = matching(from: nameEnd)
    {
      let arguments = split(nameEnd + 1, close, separator: ",")
      guard let format = arguments.first(where: { literal(atTrimmed: $0) != nil }) else {
        return [.value]
      }
      let pieces = expression(format)
      return language == .csharp ? compositeFormat(pieces) : printfFormat(pieces)
    }
    return [.value]
  }

  // MARK: Formats

  /// Rewrites the text pieces with `rewrite`, which turns one text into pieces.
  func rewritingText(_ pieces: [OutputPiece], _ rewrite: (String) -> [OutputPiece])
    -> [OutputPiece]
  {
    pieces.flatMap { piece -> [OutputPiece] in
      guard case .text(let text) = piece else { return [piece] }
      return rewrite(text)
    }
  }

  /// printf-style: `%s`, `%-10d`, `%.2f`, `%v` are values; `%%` is `%`; Java's `%n` a newline.
  func printfFormat(_ pieces: [OutputPiece]) -> [OutputPiece] {
    rewritingText(pieces) { text in
      var result: [OutputPiece] = []
      var current = ""
      var characters = Array(text)[...]
      while let character = characters.popFirst() {
        guard character == "%", let next = characters.first else {
          current.append(character)
          continue
        }
        if next == "%" {
          current.append("%")
          characters.removeFirst()
          continue
        }
        if next == "n", language == .java {
          current.append("\n")
          characters.removeFirst()
          continue
        }
        // Flags, width, precision, then a letter.
        var specifier = characters
        while let flag = specifier.first, "-+ #0,(.*123456789$".contains(flag) {
          specifier.removeFirst()
        }
        guard let letter = specifier.first, letter.isLetter else {
          current.append(character)
          continue
        }
        specifier.removeFirst()
        characters = specifier
        result += [.text(current), .value]
        current = ""
      }
      return result + [.text(current)]
    }
  }

  /// .NET composite formatting: `{0}`, `{1,8:F2}` are values; `{{` and `}}` are braces.
  func compositeFormat(_ pieces: [OutputPiece]) -> [OutputPiece] { bracesFormat(pieces) }

  /// `{...}` placeholders as values, doubled braces as braces (Python's `str.format`, .NET).
  func bracesFormat(_ pieces: [OutputPiece]) -> [OutputPiece] {
    rewritingText(pieces) { text in
      var result: [OutputPiece] = []
      var current = ""
      var characters = Array(text)[...]
      while let character = characters.popFirst() {
        if character == "{" || character == "}", characters.first == character {
          current.append(character)
          characters.removeFirst()
          continue
        }
        if character == "{", let close = characters.firstIndex(of: "}") {
          characters = characters[(close + 1)...]
          result += [.text(current), .value]
          current = ""
          continue
        }
        current.append(character)
      }
      return result + [.text(current)]
    }
  }
}
