import Algorithms
import Foundation

/// Reads the output statements of a program in one of `ProgramLanguage`'s languages: a
/// lexer that knows each language's comments, string literals (escapes, interpolation,
/// verbatim and raw forms) and output calls, enough to tell literal text from computed
/// values. It does not parse the language: what it cannot read is a value, never an error.
public struct OutputStatementExtractor {
  let language: ProgramLanguage
  let chars: [Character]
  /// The index where each line starts, for line numbers.
  let lineStarts: [Int]

  public static func statements(in source: String, language: ProgramLanguage)
    -> [OutputStatement]
  {
    OutputStatementExtractor(language: language, source: source).statements()
  }

  /// Whether the program loops (`for`, `while`, `forEach`, `.map(`...), so that it may
  /// print lines again, in an order its text does not show. Comments and strings do not
  /// count.
  public static func hasLoop(in source: String, language: ProgramLanguage) -> Bool {
    let extractor = OutputStatementExtractor(language: language, source: source)
    let chars = extractor.chars
    var index = 0
    while index < chars.count {
      if let end = extractor.commentEnd(at: index) ?? extractor.literal(at: index)?.end {
        index = max(end, index + 1)
        continue
      }
      guard extractor.isNameStart(at: index) || (index > 0 && chars[index - 1] == ".") else {
        index += 1
        continue
      }
      var end = index
      while end < chars.count, extractor.isIdentifier(chars[end]) || chars[end] == "-" {
        end += 1
      }
      if end == index { end += 1 }
      let word = String(chars[index..<end]).lowercased()
      if ["for", "while", "foreach", "foreach-object", "until", "loop"].contains(word) {
        return true
      }
      if word == "map" || word == "each", index > 0, chars[index - 1] == "." { return true }
      index = end
    }
    return false
  }

  init(language: ProgramLanguage, source: String) {
    self.language = language
    chars = Array(source)
    var starts = [0]
    for (index, character) in chars.enumerated() where character.isNewline {
      starts.append(index + 1)
    }
    lineStarts = starts
  }

  func lineNumber(_ index: Int) -> Int {
    // The number of lines that start at or before the index.
    max(1, lineStarts.partitioningIndex { $0 > index })
  }

  // MARK: Scanning

  func statements() -> [OutputStatement] {
    var result: [OutputStatement] = []
    var index = 0
    while index < chars.count {
      if let end = commentEnd(at: index) {
        index = end
        continue
      }
      if let literal = literal(at: index) {
        index = literal.end
        continue
      }
      guard isNameStart(at: index) else {
        index += 1
        continue
      }
      let nameEnd = nameEnd(from: index)
      let name = String(chars[index..<nameEnd])
      if let statement = statement(named: name, at: index, after: nameEnd) {
        result.append(statement.0)
        index = statement.end
      } else {
        index = nameEnd
      }
    }
    return result
  }

  func isIdentifier(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_" || character == "$"
  }

  /// A name starts here: an identifier character not continuing a name or member access.
  func isNameStart(at index: Int) -> Bool {
    guard isIdentifier(chars[index]) || chars[index] == "-" && language == .powershell else {
      return false
    }
    guard index > 0 else { return true }
    let previous = chars[index - 1]
    return !(isIdentifier(previous) || previous == "." || previous == "-")
  }

  /// The end of a dotted name (`System.out.println`, `Write-Host`).
  func nameEnd(from start: Int) -> Int {
    var index = start
    while index < chars.count {
      let character = chars[index]
      if isIdentifier(character) {
        index += 1
      } else if character == "." || (character == "-" && language == .powershell),
        index + 1 < chars.count, isIdentifier(chars[index + 1])
      {
        index += 1
      } else {
        break
      }
    }
    return index
  }

  func commentEnd(at index: Int) -> Int? {
    func toLineEnd(_ from: Int) -> Int {
      var end = from
      while end < chars.count, !chars[end].isNewline { end += 1 }
      return end
    }
    let character = chars[index]
    let next = index + 1 < chars.count ? chars[index + 1] : nil
    switch language {
    case .python, .shell:
      if character == "#", language == .python || index == 0 || chars[index - 1].isWhitespace {
        return toLineEnd(index)
      }
    case .powershell:
      if character == "<", next == "#" {
        var end = index + 2
        while end + 1 < chars.count, !(chars[end] == "#" && chars[end + 1] == ">") { end += 1 }
        return min(end + 2, chars.count)
      }
      if character == "#" { return toLineEnd(index) }
    default:
      if character == "/", next == "/" { return toLineEnd(index) }
      if character == "/", next == "*" {
        var end = index + 2
        while end + 1 < chars.count, !(chars[end] == "*" && chars[end + 1] == "/") { end += 1 }
        return min(end + 2, chars.count)
      }
    }
    return nil
  }

  // MARK: Statements

  /// The output call or command named at `start`, if it is one.
  func statement(named name: String, at start: Int, after end: Int) -> (OutputStatement, end: Int)?
  {
    switch language {
    case .powershell:
      let lowered = name.lowercased()
      guard ["write-host", "write-output", "write-error", "echo"].contains(lowered) else {
        return nil
      }
      return command(at: start, after: end, toStandardError: lowered == "write-error")
    case .shell:
      guard name == "echo" || name == "printf" else { return nil }
      return command(at: start, after: end, toStandardError: false)
    default:
      guard let call = Self.calls[language]?[name] else { return nil }
      var open = end
      while open < chars.count, chars[open] == " " || chars[open] == "\t" { open += 1 }
      guard open < chars.count, chars[open] == "(" else { return nil }
      guard let close = matching(from: open) else { return nil }
      let arguments = split(open + 1, close, separator: ",")
      let statement = OutputStatement(
        line: lineNumber(start), pieces: pieces(of: call, arguments).merged,
        toStandardError: call.toStandardError || writesToStandardError(call, arguments),
        inErrorHandler: inErrorHandler(start))
      return (statement, close + 1)
    }
  }

  /// How an output call prints its arguments.
  struct Call {
    enum Form {
      /// Arguments joined by `separator`, then `terminator` (Python and Swift let keyword
      /// arguments change both).
      case join(separator: String, terminator: String)
      /// A printf-style format, then its arguments (`%s` and the like are values).
      case printf(terminator: String)
      /// .NET composite formatting when there is more than one argument (`{0}`).
      case composite(terminator: String)
      /// Go's `fmt.Fprint*`: the first argument is the writer.
      case writer(Form2)
    }
    enum Form2 {
      case join(String, String)
      case printf
    }
    var form: Form
    var toStandardError = false
  }

  static let calls: [ProgramLanguage: [String: Call]] = [
    .python: ["print": Call(form: .join(separator: " ", terminator: "\n"))],
    .swift: ["print": Call(form: .join(separator: " ", terminator: "\n"))],
    .javascript: [
      "console.log": Call(form: .join(separator: " ", terminator: "\n")),
      "console.info": Call(form: .join(separator: " ", terminator: "\n")),
      "console.debug": Call(form: .join(separator: " ", terminator: "\n")),
      "console.error": Call(form: .join(separator: " ", terminator: "\n"), toStandardError: true),
      "console.warn": Call(form: .join(separator: " ", terminator: "\n"), toStandardError: true),
      "process.stdout.write": Call(form: .join(separator: "", terminator: "")),
      "process.stderr.write": Call(
        form: .join(separator: "", terminator: ""), toStandardError: true),
    ],
    .csharp: [
      "Console.WriteLine": Call(form: .composite(terminator: "\n")),
      "Console.Write": Call(form: .composite(terminator: "")),
      "Console.Out.WriteLine": Call(form: .composite(terminator: "\n")),
      "Console.Out.Write": Call(form: .composite(terminator: "")),
      "Console.Error.WriteLine": Call(form: .composite(terminator: "\n"), toStandardError: true),
      "Console.Error.Write": Call(form: .composite(terminator: ""), toStandardError: true),
    ],
    .java: [
      "System.out.println": Call(form: .join(separator: "", terminator: "\n")),
      "System.out.print": Call(form: .join(separator: "", terminator: "")),
      "System.out.printf": Call(form: .printf(terminator: "")),
      "System.out.format": Call(form: .printf(terminator: "")),
      "System.err.println": Call(
        form: .join(separator: "", terminator: "\n"), toStandardError: true),
      "System.err.print": Call(form: .join(separator: "", terminator: ""), toStandardError: true),
      "System.err.printf": Call(form: .printf(terminator: ""), toStandardError: true),
    ],
    .go: [
      "fmt.Println": Call(form: .join(separator: " ", terminator: "\n")),
      "fmt.Print": Call(form: .join(separator: "", terminator: "")),
      "fmt.Printf": Call(form: .printf(terminator: "")),
      "fmt.Fprintln": Call(form: .writer(.join(" ", "\n"))),
      "fmt.Fprint": Call(form: .writer(.join("", ""))),
      "fmt.Fprintf": Call(form: .writer(.printf)),
      "log.Println": Call(form: .join(separator: " ", terminator: "\n"), toStandardError: true),
      "log.Printf": Call(form: .printf(terminator: "\n"), toStandardError: true),
      "log.Fatal": Call(form: .join(separator: "", terminator: "\n"), toStandardError: true),
      "log.Fatalf": Call(form: .printf(terminator: "\n"), toStandardError: true),
    ],
  ]

  typealias Range = (start: Int, end: Int)

  /// What a call prints.
  func pieces(of call: Call, _ arguments: [Range]) -> [OutputPiece] {
    // Keyword arguments: Python's sep/end/file, Swift's separator:/terminator:/to:.
    var positional: [Range] = []
    var keywords: [String: Range] = [:]
    for argument in arguments {
      if let (key, value) = keyword(argument) {
        keywords[key] = value
      } else {
        positional.append(argument)
      }
    }
    func literalOr(_ key: String, _ fallback: String) -> [OutputPiece] {
      guard let range = keywords[key] else { return [.text(fallback)] }
      return expression(range)
    }
    switch call.form {
    case .join(let separator, let terminator):
      let sep = literalOr(language == .swift ? "separator" : "sep", separator)
      let end = literalOr(language == .swift ? "terminator" : "end", terminator)
      var result: [OutputPiece] = []
      for (index, argument) in positional.enumerated() {
        if index > 0 { result += sep }
        result += expression(argument)
      }
      return result + end
    case .printf(let terminator):
      // Java's printf(Locale, format, ...): the format is the first string literal.
      let format = positional.first { literal(atTrimmed: $0) != nil } ?? positional.first
      guard let format else { return [.text(terminator)] }
      return printfFormat(expression(format)) + [.text(terminator)]
    case .composite(let terminator):
      guard let first = positional.first else { return [.text(terminator)] }
      let text = expression(first)
      return (positional.count > 1 ? compositeFormat(text) : text) + [.text(terminator)]
    case .writer(let form):
      let rest = Array(positional.dropFirst())
      switch form {
      case .join(let separator, let terminator):
        return pieces(
          of: Call(form: .join(separator: separator, terminator: terminator)), rest)
      case .printf:
        return pieces(of: Call(form: .printf(terminator: "")), rest)
      }
    }
  }

  /// Go's `fmt.Fprint*(os.Stderr, ...)`, Python's `file=sys.stderr`.
  func writesToStandardError(_ call: Call, _ arguments: [Range]) -> Bool {
    for argument in arguments {
      if let (key, value) = keyword(argument), key == "file" || key == "to" {
        return text(value).contains("stderr")
      }
    }
    if case .writer = call.form, let first = arguments.first {
      return text(first).trimmingCharacters(in: .whitespaces) != "os.Stdout"
    }
    return false
  }

  /// `name=value` (Python) or `name: value` (Swift), outside any string.
  func keyword(_ range: Range) -> (String, Range)? {
    guard language == .python || language == .swift else { return nil }
    var index = range.start
    while index < range.end, chars[index].isWhitespace { index += 1 }
    let nameStart = index
    while index < range.end, isIdentifier(chars[index]) { index += 1 }
    guard index > nameStart else { return nil }
    let name = String(chars[nameStart..<index])
    while index < range.end, chars[index] == " " { index += 1 }
    guard index < range.end else { return nil }
    let marker: Character = language == .python ? "=" : ":"
    guard chars[index] == marker,
      index + 1 >= range.end || chars[index + 1] != "="
    else { return nil }
    return (name, (index + 1, range.end))
  }

  func text(_ range: Range) -> String { String(chars[range.start..<range.end]) }

  // MARK: Commands (PowerShell, shell)

  /// `Write-Host "..." $x`, `echo -n "..."`, `printf '%s\n' "$x"`: words to the end of the
  /// command (a line, continued by a trailing backslash or backtick).
  func command(at start: Int, after nameEnd: Int, toStandardError: Bool)
    -> (OutputStatement, end: Int)?
  {
    let name = String(chars[start..<nameEnd])
    var words: [[OutputPiece]] = []
    var index = nameEnd
    var newline = true
    var interpretEscapes = language == .powershell
    var standardError = toStandardError
    var toFile = false
    let continuation: Character = language == .powershell ? "`" : "\\"
    words: while index < chars.count {
      let character = chars[index]
      if character == continuation, index + 1 < chars.count, chars[index + 1].isNewline {
        index += 2
        continue
      }
      if character.isNewline { break }
      if character == " " || character == "\t" {
        index += 1
        continue
      }
      if [";", "|", "&", ")", "}"].contains(character) { break }
      if character == "#", language == .powershell || chars[index - 1].isWhitespace { break }
      if character == ">"
        || (character == "2" && index + 1 < chars.count && chars[index + 1] == ">")
      {
        // A redirection: to standard error, or to a file the transcript never shows.
        var end = index
        while end < chars.count, !chars[end].isNewline, chars[end] != ";" { end += 1 }
        let target = String(chars[index..<end])
        if target.contains("&2") || target.contains("/dev/stderr") {
          standardError = true
        } else {
          toFile = true
        }
        index = end
        break words
      }
      // One word: literals and bare text run together until whitespace.
      var word: [OutputPiece] = []
      var bare = ""
      while index < chars.count {
        let current = chars[index]
        if current.isWhitespace || [";", "|", "&", ">"].contains(current) { break }
        if language == .powershell, current == ")" || current == "}" { break }
        if let literal = literal(at: index) {
          word += [.text(bare)] + literal.pieces
          bare = ""
          index = literal.end
          continue
        }
        if current == "$" {
          word += [.text(bare), .value]
          bare = ""
          index = variableEnd(from: index + 1)
          continue
        }
        if current == "(", language == .powershell {
          word += [.text(bare), .value]
          bare = ""
          index = (matching(from: index) ?? chars.count - 1) + 1
          continue
        }
        bare.append(current)
        index += 1
      }
      word.append(.text(bare))
      let flag = word.merged.shown
      if language == .shell, name == "echo", words.isEmpty, flag.hasPrefix("-"),
        flag.dropFirst().allSatisfy({ "neE".contains($0) })
      {
        if flag.contains("n") { newline = false }
        if flag.contains("e") { interpretEscapes = true }
        continue
      }
      if language == .powershell, flag.hasPrefix("-"), word.count == 1 {
        let option = flag.lowercased()
        if option == "-nonewline" { newline = false }
        if option == "-foregroundcolor" || option == "-backgroundcolor" || option == "-separator" {
          // The option's value is not printed.
          while index < chars.count, chars[index] == " " { index += 1 }
          while index < chars.count, !chars[index].isWhitespace { index += 1 }
        }
        continue
      }
      words.append(word)
    }
    guard !toFile else { return nil }
    var pieces: [OutputPiece]
    if language == .shell, name == "printf" {
      guard let format = words.first else { return nil }
      pieces = printfFormat(unescape(format, interpret: true))
    } else {
      pieces = []
      for (offset, word) in words.enumerated() {
        if offset > 0 { pieces.append(.text(" ")) }
        pieces += interpretEscapes && language == .shell ? unescape(word, interpret: true) : word
      }
      if newline { pieces.append(.text("\n")) }
    }
    let statement = OutputStatement(
      line: lineNumber(start), pieces: pieces.merged, toStandardError: standardError,
      inErrorHandler: inErrorHandler(start))
    return (statement, index)
  }

  /// After `$`: a variable name, `{name}` or `(command)`.
  func variableEnd(from start: Int) -> Int {
    guard start < chars.count else { return start }
    if chars[start] == "{" || chars[start] == "(" {
      return (matching(from: start) ?? chars.count - 1) + 1
    }
    var end = start
    while end < chars.count,
      isIdentifier(chars[end]) || (end == start && "?#@*!0123456789".contains(chars[end]))
    {
      end += 1
      if end == start + 1, !isIdentifier(chars[start]) { break }
    }
    return end
  }

  /// `echo -e` and `printf` interpret backslash escapes in their text.
  func unescape(_ pieces: [OutputPiece], interpret: Bool) -> [OutputPiece] {
    guard interpret else { return pieces }
    return pieces.map {
      guard case .text(let text) = $0 else { return $0 }
      return .text(
        text.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
          .replacingOccurrences(of: "\\\\", with: "\\"))
    }
  }

  // MARK: Structure

  /// The index of the bracket closing the one at `open`, skipping strings and comments.
  func matching(from open: Int) -> Int? {
    var depth = 0
    var index = open
    while index < chars.count {
      if let end = commentEnd(at: index) {
        index = end
        continue
      }
      if index > open, let literal = literal(at: index) {
        index = literal.end
        continue
      }
      switch chars[index] {
      case "(", "[", "{": depth += 1
      case ")", "]", "}":
        depth -= 1
        if depth == 0 { return index }
      default: break
      }
      index += 1
    }
    return nil
  }

  /// The parts of `start..<end` between top-level separators.
  func split(_ start: Int, _ end: Int, separator: Character) -> [Range] {
    split(start, end) { chars[$0] == separator }.filter { range in
      !chars[range.start..<range.end].allSatisfy(\.isWhitespace)
    }
  }

  /// The parts of `start..<end` between the top-level characters `isSeparator` accepts:
  /// those outside comments, string literals and brackets.
  func split(_ start: Int, _ end: Int, at isSeparator: (Int) -> Bool) -> [Range] {
    var parts: [Range] = []
    var partStart = start
    var index = start
    while index < end {
      if let commentEnd = commentEnd(at: index) {
        index = min(commentEnd, end)
        continue
      }
      if let literal = literal(at: index) {
        index = literal.end
        continue
      }
      if "([{".contains(chars[index]), let close = matching(from: index) {
        index = close + 1
        continue
      }
      if isSeparator(index) {
        parts.append((partStart, index))
        partStart = index + 1
      }
      index += 1
    }
    parts.append((partStart, end))
    return parts
  }

  /// Whether the statement at `index` sits in an error handler: the nearest line above it
  /// that is indented less opens a `catch`, `except` or `if err != nil` block.
  func inErrorHandler(_ index: Int) -> Bool {
    let line = lineNumber(index) - 1
    func indentation(_ line: Int) -> Int? {
      var position = lineStarts[line]
      var width = 0
      while position < chars.count, chars[position] == " " || chars[position] == "\t" {
        width += chars[position] == "\t" ? 4 : 1
        position += 1
      }
      guard position < chars.count, !chars[position].isNewline else { return nil }
      return width
    }
    guard let own = indentation(line) else { return false }
    var above = line - 1
    while above >= 0 {
      if let width = indentation(above), width < own {
        let end = above + 1 < lineStarts.count ? lineStarts[above + 1] : chars.count
        let header = String(chars[lineStarts[above]..<end])
        // Allman style: the brace's own line says nothing; its header is the line above.
        if header.trimmingCharacters(in: .whitespacesAndNewlines) == "{", above > 0 {
          let headerEnd = lineStarts[above]
          return String(chars[lineStarts[above - 1]..<headerEnd]).contains(Self.errorHandler)
        }
        return header.contains(Self.errorHandler)
      }
      above -= 1
    }
    return false
  }

  nonisolated(unsafe) static let errorHandler =
    #/\b(catch|except|rescue|trap)\b|\.catch\(|if\s*\(?\s*(err|error|e)\s*(!=|!==)\s*(nil|null)|if\s*\(\s*!\s*\w+\s*\)|\$\?/#
}
