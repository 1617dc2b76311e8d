/// Recognizes DocFX's block and inline extensions in the lines cmark-gfm leaves as text.
///
/// Lines inside fenced or indented code and inside HTML blocks are never directives. Block
/// directives (zones, block includes, code snippets, alerts, sections, videos) need at most
/// three spaces of indentation relative to their container, as Markdig's `IsCodeIndent`
/// requires; inline ones (`[!INCLUDE]` in a sentence, `:::image ...:::`) may appear anywhere
/// in text outside code spans.
struct DirectiveScanner {
  /// What the scanner needs to know about the file from cmark-gfm.
  struct Input {
    var source: SourceText
    var path: String
    /// The first line after the front matter.
    var firstLine: Int
    /// Lines (1-based index) inside code blocks or HTML blocks.
    var skippedLines: [Bool]
    /// Per line, the column where list-item content starts (0 outside lists).
    var containerIndent: [Int]
    /// Per line, absolute byte ranges of inline code spans.
    var codeSpans: [Int: [Range<Int>]]
  }

  /// Everything found, in document order.
  struct Output {
    var zones: [Zone] = []
    var includes: [Include] = []
    var images: [ImageDirective] = []
    var codeReferences: [CodeReference] = []
    var alerts: [Alert] = []
    var sections: [DivSection] = []
    var videos: [Video] = []
    var monikers: [MonikerBlock] = []
    var diagnostics: [Diagnostic] = []
    /// Per line, absolute byte ranges that directives cover: links there are not links.
    var spans: [Int: [Range<Int>]] = [:]
  }

  static let noteTypes: Set<String> = ["NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"]

  private let input: Input
  private var output = Output()
  private var openZone: Int?
  /// Zones whose opening line is invalid: DocFX does not open them, so neither does their
  /// missing end deserve a second finding.
  private var invalidZones: Set<Int> = []
  private var openComplexImage: Int?
  /// The open `::: moniker` block, and its number of colons (its end needs as many).
  private var openMoniker: (index: Int, colons: Int)?

  private var bytes: [UInt8] { input.source.bytes }

  init(_ input: Input) {
    self.input = input
  }

  static func scan(_ input: Input) -> Output {
    var scanner = DirectiveScanner(input)
    scanner.run()
    return scanner.output
  }

  private mutating func run() {
    let source = input.source
    var line = input.firstLine
    while line <= source.lineCount {
      if !input.skippedLines[line] { scanLine(line) }
      line += 1
    }
    if let index = openZone, !invalidZones.contains(index) {
      let zone = output.zones[index]
      report(InvalidZone.notClosed(zoneLine: zone.line), line: zone.line, column: zone.column)
    }
    if let (index, _) = openMoniker {
      let block = output.monikers[index]
      report(
        InvalidMonikerRange.notClosed(range: block.range), line: block.line,
        column: block.column)
    }
    if let index = openComplexImage {
      let image = output.images[index]
      report(InvalidImage.notClosed(imageLine: image.line), line: image.line, column: image.column)
    }
  }

  // MARK: - Lines

  private mutating func scanLine(_ line: Int) {
    let start = input.source.lineStarts[line - 1]
    let end = input.source.lineEnds[line - 1]

    // Container prefix: block quote markers, then indentation.
    var index = start
    var column = 0
    var quoteDepth = 0
    var prefixColumn = 0
    while true {
      var cursor = index
      var cursorColumn = column
      while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 {
        cursorColumn += bytes[cursor] == 0x09 ? 4 - cursorColumn % 4 : 1
        cursor += 1
      }
      if cursor < end, bytes[cursor] == UInt8(ascii: ">"), cursorColumn - column <= 3 {
        cursor += 1
        cursorColumn += 1
        if cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 {
          cursor += 1
          cursorColumn += 1
        }
        quoteDepth += 1
        index = cursor
        column = cursorColumn
        prefixColumn = cursorColumn
        continue
      }
      index = cursor
      column = cursorColumn
      break
    }
    let contentStart = index
    guard contentStart < end else { return }
    let relativeIndent = column - max(prefixColumn, input.containerIndent[line])
    let blockCapable = relativeIndent <= 3

    if blockCapable {
      if openZone != nil, isZoneEnd(line: line, at: contentStart, end: end) { return }
      if openComplexImage != nil, isImageEnd(line: line, at: contentStart, end: end) { return }
      if bytes[contentStart] == UInt8(ascii: ":"),
        scanMoniker(line: line, at: contentStart, end: end)
          || scanTripleColonBlock(line: line, at: contentStart, end: end)
      {
        return
      }
      if bytes[contentStart] == UInt8(ascii: "["),
        scanBracketBlock(line: line, at: contentStart, end: end, quoted: quoteDepth > 0)
      {
        return
      }
    }
    scanInline(line: line, from: contentStart, end: end)
  }

  // MARK: - Moniker blocks

  /// `::: moniker range="..."` (three or more colons; words in any case) and the
  /// `::: moniker-end` with as many colons, as DocFX's `MonikerRangeParser` reads them.
  private mutating func scanMoniker(line: Int, at start: Int, end: Int) -> Bool {
    var cursor = ByteCursor(bytes: bytes, start: start, end: end)
    var colons = 0
    while cursor.current == UInt8(ascii: ":") {
      colons += 1
      cursor.advance()
    }
    guard colons >= 3 else { return false }
    cursor.skipSpacesAndTabs()
    guard cursor.matchStart("moniker", caseSensitive: false) else { return false }
    let blockColumn = column(line, start)
    if cursor.current == UInt8(ascii: "-") {
      guard cursor.matchStart("-end", caseSensitive: false) else { return false }
      markSpan(line: line, start, end)
      if let open = openMoniker, open.colons == colons {
        output.monikers[open.index].endLine = line
        openMoniker = nil
      } else {
        report(
          InvalidMonikerRange.endWithoutRange(openColons: openMoniker?.colons), line: line,
          column: blockColumn)
      }
      return true
    }
    guard cursor.current == 0x20 || cursor.current == 0x09 else { return false }
    markSpan(line: line, start, end)
    cursor.skipSpacesAndTabs()
    guard cursor.matchStart("range=\"", caseSensitive: false) else {
      report(InvalidMonikerRange.missingRange, line: line, column: blockColumn)
      return true
    }
    let valueStart = cursor.index
    while cursor.current != 0, cursor.current != UInt8(ascii: "\"") { cursor.advance() }
    guard cursor.current == UInt8(ascii: "\"") else {
      report(InvalidMonikerRange.missingClosingQuote, line: line, column: blockColumn)
      return true
    }
    let range = cursor.text(valueStart, cursor.index)
    cursor.advance()
    if cursor.skipSpacesAndTabs() != 0 {
      report(
        InvalidMonikerRange.textAfterRange, line: line, column: column(line, cursor.index))
    }
    if let open = openMoniker {
      report(
        InvalidMonikerRange.nested(openLine: output.monikers[open.index].line), line: line,
        column: blockColumn)
      return true
    }
    output.monikers.append(
      MonikerBlock(range: range, line: line, column: blockColumn, endLine: nil))
    openMoniker = (output.monikers.count - 1, colons)
    return true
  }

  // MARK: - Zones and other `:::` blocks

  private mutating func isZoneEnd(line: Int, at start: Int, end: Int) -> Bool {
    var cursor = ByteCursor(bytes: bytes, start: start, end: end)
    guard cursor.matchStart(":::") else { return false }
    cursor.skipSpacesAndTabs()
    guard cursor.matchStart("zone"), cursor.matchStart("-end") else { return false }
    let trailing = cursor.skipSpacesAndTabs()
    let index = openZone!
    output.zones[index].endLine = line
    openZone = nil
    markSpan(line: line, start, end)
    if trailing != 0 {
      let text = cursor.text(cursor.index, end)
      report(
        InvalidZone.textAfterEnd(
          zoneLine: output.zones[index].line, line: cursor.text(start, end), trailing: text),
        line: line, column: column(line, cursor.index))
    }
    return true
  }

  private mutating func isImageEnd(line: Int, at start: Int, end: Int) -> Bool {
    var cursor = ByteCursor(bytes: bytes, start: start, end: end)
    guard cursor.matchStart(":::") else { return false }
    cursor.skipSpacesAndTabs()
    guard cursor.matchStart("image"), cursor.matchStart("-end") else { return false }
    cursor.skipSpacesAndTabs()
    let index = openComplexImage!
    markSpan(line: line, start, end)
    guard cursor.matchStart(":::") else {
      report(
        InvalidImage.malformedEnd(
          imageLine: output.images[index].line, line: cursor.text(start, end)),
        line: line, column: column(line, start))
      return true
    }
    output.images[index].endLine = line
    openComplexImage = nil
    return true
  }

  /// Handles `::: zone`, `::: zone-end` (stray), `:::code` and `:::video`.
  private mutating func scanTripleColonBlock(line: Int, at start: Int, end: Int) -> Bool {
    var cursor = ByteCursor(bytes: bytes, start: start, end: end)
    guard cursor.matchStart(":::") else { return false }
    cursor.skipSpacesAndTabs()
    guard let name = TripleColonSyntax.matchIdentifier(&cursor) else { return false }
    switch name {
    case "zone":
      openZoneBlock(line: line, start: start, end: end, cursor: &cursor)
      return true
    case "zone-end":
      markSpan(line: line, start, end)
      report(InvalidZone.endWithoutZone, line: line, column: column(line, start))
      return true
    case "code":
      scanCodeBlock(line: line, start: start, end: end, cursor: &cursor)
      return true
    case "video":
      markSpan(line: line, start, end)
      switch TripleColonSyntax.matchAttributes(&cursor, selfClosing: true) {
      case .success(let attributes):
        let source = attributes.first { $0.name == "source" }?.value ?? ""
        let title = attributes.first { $0.name == "title" }?.value ?? ""
        output.videos.append(
          Video(url: source, title: title, line: line, column: column(line, start)))
      case .failure(let error):
        report(
          InvalidVideo.malformedAttributes(error), line: line,
          column: column(line, error.offset))
      }
      return true
    default:
      // `:::image` is handled inline; other names (row, column, form, moniker) pass through.
      return false
    }
  }

  private mutating func openZoneBlock(
    line: Int, start: Int, end: Int, cursor: inout ByteCursor
  ) {
    markSpan(line: line, start, end)
    let zoneColumn = column(line, start)
    if let open = openZone {
      report(
        InvalidZone.nested(openLine: output.zones[open].line), line: line, column: zoneColumn)
      return
    }
    var zone = Zone(pivots: [], target: nil, line: line, column: zoneColumn, endLine: nil)
    let attributes: [TripleColonSyntax.Attribute]
    switch TripleColonSyntax.matchAttributes(&cursor, selfClosing: false) {
    case .success(let parsed):
      attributes = parsed
    case .failure(let error):
      report(
        InvalidZone.malformedAttributes(error), line: line, column: column(line, error.offset))
      output.zones.append(zone)
      openZone = output.zones.count - 1
      invalidZones.insert(output.zones.count - 1)
      return
    }
    var problems: [(RuleMessage, Int)] = []
    var pivot = ""
    var target = ""
    for attribute in attributes {
      switch attribute.name {
      case "target":
        if ["docs", "chromeless", "pdf"].contains(attribute.value) {
          target = attribute.value
        } else {
          problems.append((InvalidZone.unexpectedTarget(attribute.value), attribute.valueOffset))
        }
      case "pivot":
        zone.pivotColumn = column(line, attribute.valueOffset)
        if Self.isValidPivotList(attribute.value) {
          pivot = attribute.value
        } else {
          problems.append((InvalidZone.invalidPivot(attribute.value), attribute.valueOffset))
        }
      default:
        problems.append((InvalidZone.unexpectedAttribute(attribute.name), attribute.valueOffset))
      }
    }
    if problems.isEmpty {
      if target.isEmpty, pivot.isEmpty {
        problems.append((InvalidZone.noTargetOrPivot, start))
      } else if target == "pdf", !pivot.isEmpty {
        problems.append((InvalidZone.pivotOnPDF, start))
      }
    }
    for (message, offset) in problems {
      report(message, line: line, column: column(line, offset))
    }
    zone.target = target.isEmpty ? nil : target
    zone.pivots = pivot.utf8.split(separator: UInt8(ascii: ",")).map {
      Substring($0).trimmingSpaces()
    }
    output.zones.append(zone)
    openZone = output.zones.count - 1
    if !problems.isEmpty { invalidZones.insert(output.zones.count - 1) }
  }

  /// DocFX's pivot list: `^\s*[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*\s*$`.
  static func isValidPivotList(_ value: String) -> Bool {
    // Byte by byte: each comma-separated part, spaces around it aside, is a non-empty run of
    // lower-case letters, digits and dashes.
    var named = false  // the part has a name so far
    var ended = false  // and spaces after it
    for byte in value.utf8 {
      if byte == UInt8(ascii: ",") {
        guard named else { return false }
        (named, ended) = (false, false)
      } else if String.isSpace(byte) {
        ended = named
      } else {
        guard !ended,
          (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "-")
        else { return false }
        named = true
      }
    }
    return named
  }

  private mutating func scanCodeBlock(line: Int, start: Int, end: Int, cursor: inout ByteCursor) {
    markSpan(line: line, start, end)
    let attributes: [TripleColonSyntax.Attribute]
    switch TripleColonSyntax.matchAttributes(&cursor, selfClosing: true) {
    case .success(let parsed): attributes = parsed
    case .failure(let error):
      report(
        InvalidCode.malformedAttributes(error), line: line, column: column(line, error.offset))
      return
    }
    let known: Set<String> = ["source", "range", "id", "highlight", "language", "interactive"]
    if let unknown = attributes.first(where: { !known.contains($0.name) }) {
      report(
        InvalidCode.unexpectedAttribute(unknown.name), line: line,
        column: column(line, unknown.valueOffset))
      return
    }
    func value(_ name: String) -> String? {
      attributes.first { $0.name == name }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
    }
    guard let source = value("source") else {
      report(InvalidCode.missingSource, line: line, column: column(line, start))
      return
    }
    output.codeReferences.append(
      CodeReference(
        path: source, language: value("language") ?? "", region: value("id"),
        range: value("range"), syntax: "triple-colon", line: line, column: column(line, start)))
  }

  // MARK: - `[!...]` blocks

  private mutating func scanBracketBlock(line: Int, at start: Int, end: Int, quoted: Bool) -> Bool {
    var cursor = ByteCursor(bytes: bytes, start: start, end: end)
    if cursor.matchStart("[!include", caseSensitive: false) {
      if cursor.current == UInt8(ascii: "+") { cursor.advance() }
      guard let link = LinkSyntax.matchLink(&cursor), LinkSyntax.matchInclusionEnd(&cursor)
      else { return false }
      cursor.skipSpacesAndTabs()
      guard cursor.isAtEnd else { return false }
      markSpan(line: line, start, end)
      output.includes.append(
        Include(
          path: link.path, title: link.title, line: line, column: column(line, start),
          inline: false))
      return true
    }
    cursor = ByteCursor(bytes: bytes, start: start, end: end)
    if cursor.matchStart("[!code", caseSensitive: false) {
      scanLegacyCodeSnippet(line: line, start: start, end: end, cursor: &cursor)
      return true
    }
    if quoted { return scanQuoteDirective(line: line, at: start, end: end) }
    return false
  }

  /// `[!code-csharp[name](path?range=1-5#region "title")]`
  private mutating func scanLegacyCodeSnippet(
    line: Int, start: Int, end: Int, cursor: inout ByteCursor
  ) {
    markSpan(line: line, start, end)
    var language = ""
    if cursor.current == UInt8(ascii: "-") {
      var character = cursor.advance()
      let languageStart = cursor.index
      while character != 0, character != UInt8(ascii: "[") { character = cursor.advance() }
      language = cursor.text(languageStart, cursor.index).trimmingSpaces()
    }
    func malformed() {
      report(InvalidCode.malformedLegacySnippet, line: line, column: column(line, start))
    }
    // [name]
    guard cursor.current == UInt8(ascii: "[") else { return malformed() }
    var character = cursor.advance()
    var escaped = false
    while character != 0, character != UInt8(ascii: "]") || escaped {
      escaped = character == UInt8(ascii: "\\") && !escaped
      character = cursor.advance()
    }
    guard character == UInt8(ascii: "]") else { return malformed() }
    cursor.advance()
    // (path
    cursor.skipWhitespace()
    guard cursor.current == UInt8(ascii: "(") else { return malformed() }
    character = cursor.advance()
    var depth = 0
    var path: [UInt8] = []
    escaped = false
    while character != 0,
      escaped
        || (character != UInt8(ascii: "#") && character != UInt8(ascii: "?")
          && character != UInt8(ascii: "\"") && (character != UInt8(ascii: ")") || depth > 0))
    {
      if character == UInt8(ascii: "\\"), !escaped {
        escaped = true
      } else {
        if character == UInt8(ascii: "("), !escaped { depth += 1 }
        if character == UInt8(ascii: ")"), !escaped { depth -= 1 }
        path.append(character)
        escaped = false
      }
      character = cursor.advance()
    }
    var region: String?
    var range: String?
    if cursor.current == UInt8(ascii: "?") {
      let queryStart = cursor.index + 1
      character = cursor.advance()
      while character != 0, character != UInt8(ascii: "\""), character != UInt8(ascii: ")"),
        character != UInt8(ascii: "#")
      {
        character = cursor.advance()
      }
      for item in cursor.text(queryStart, cursor.index).trimmingSpaces().split(separator: "&") {
        let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2 else { continue }
        switch pair[0].lowercased() {
        case "name": region = pair[1]
        case "range": range = pair[1]
        case "start", "end": range = (range.map { $0 + "&" } ?? "") + "\(pair[0])=\(pair[1])"
        default: break
        }
      }
    }
    if cursor.current == UInt8(ascii: "#") {
      let bookmarkStart = cursor.index + 1
      character = cursor.advance()
      while character != 0, character != UInt8(ascii: "\""), character != UInt8(ascii: ")") {
        character = cursor.advance()
      }
      let bookmark = cursor.text(bookmarkStart, cursor.index).trimmingSpaces()
      if Self.isLineRange(bookmark) { range = bookmark } else { region = bookmark }
    }
    if cursor.current == UInt8(ascii: "\"") {
      character = cursor.advance()
      escaped = false
      while character != 0, character != UInt8(ascii: "\"") || escaped {
        escaped = character == UInt8(ascii: "\\") && !escaped
        character = cursor.advance()
      }
      guard character == UInt8(ascii: "\"") else { return malformed() }
      cursor.advance()
    }
    cursor.skipWhitespace()
    guard cursor.current == UInt8(ascii: ")") else { return malformed() }
    cursor.advance()
    cursor.skipWhitespace()
    guard cursor.current == UInt8(ascii: "]") else { return malformed() }
    cursor.advance()
    cursor.skipWhitespace()
    guard cursor.isAtEnd else { return malformed() }
    output.codeReferences.append(
      CodeReference(
        path: String(decoding: path, as: UTF8.self).trimmingSpaces(), language: language,
        region: region, range: range, syntax: "legacy", line: line, column: column(line, start)))
  }

  /// `L1-L5`, `L7`: a bookmark that names lines rather than a region.
  static func isLineRange(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { part in
      part.first == "L" && part.count > 1 && part.dropFirst().allSatisfy(\.isASCIIDigit)
    }
  }

  /// `> [!NOTE]`, `> [!div class="..."]`, `> [!VIDEO https://...]`.
  private mutating func scanQuoteDirective(line: Int, at start: Int, end: Int) -> Bool {
    var cursor = ByteCursor(bytes: bytes, start: start, end: end)
    var character = cursor.current
    var escaped = false
    var info: [UInt8] = []
    while character != 0, character != UInt8(ascii: "]") || escaped {
      if character == UInt8(ascii: "\\"), !escaped {
        escaped = true
      } else {
        info.append(character)
        escaped = false
      }
      character = cursor.advance()
    }
    guard character == UInt8(ascii: "]") else { return false }
    info.append(character)
    let text = String(decoding: info, as: UTF8.self).trimmingSpaces()
    let closing = cursor.index
    cursor.advance()
    let trailing = cursor.skipSpacesAndTabs()
    let lower = text.lowercased()
    let noteType = String(text.dropFirst(2).dropLast()).uppercased()
    let isNote = text.hasPrefix("[!") && Self.noteTypes.contains(noteType)
    let isDiv = lower.hasPrefix("[!div")
    let isVideo = lower.hasPrefix("[!video")
    guard isNote || isDiv || isVideo else { return false }
    let position = column(line, start)
    markSpan(line: line, start, closing + 1)
    if trailing != 0 {
      report(InvalidNoteSection.textAfterMarker(text), line: line, column: position)
      return true
    }
    if isNote {
      output.alerts.append(Alert(type: noteType, line: line, column: position))
    } else if isDiv {
      var attributes = String(text.dropFirst(5).dropLast()).trimmingSpaces()
      if attributes.count >= 2, attributes.first == "`", attributes.last == "`" {
        attributes = String(attributes.dropFirst().dropLast()).trimmingSpaces()
      }
      output.sections.append(DivSection(attributes: attributes, line: line, column: position))
    } else {
      let data = String(text.dropFirst(7).dropLast()).trimmingSpaces()
      guard data.hasPrefix("http://") || data.hasPrefix("https://") else { return false }
      var url = data
      var title = ""
      if let space = data.firstIndex(of: " ") {
        url = String(data[..<space])
        title = String(data[data.index(after: space)...]).trimmingSpaces()
        if title.hasPrefix("title="), title.count > 6 { title = String(title.dropFirst(6)) }
      }
      output.videos.append(Video(url: url, title: title, line: line, column: position))
    }
    return true
  }

  // MARK: - Inline: `[!INCLUDE]` in text, `:::image ...:::`

  private mutating func scanInline(line: Int, from start: Int, end: Int) {
    // Code spans in order of their start, passed once: testing every span at every byte was
    // quadratic in a line of many spans.
    let spans = (input.codeSpans[line] ?? []).sorted { $0.lowerBound < $1.lowerBound }
    var nextSpan = 0
    var index = start
    while index < end {
      while nextSpan < spans.count, spans[nextSpan].upperBound <= index { nextSpan += 1 }
      if nextSpan < spans.count, spans[nextSpan].lowerBound <= index {
        index = spans[nextSpan].upperBound
        continue
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "["), index + 1 < end, bytes[index + 1] == UInt8(ascii: "!") {
        var cursor = ByteCursor(bytes: bytes, start: index, end: end)
        if cursor.matchStart("[!include", caseSensitive: false) {
          if cursor.current == UInt8(ascii: "-") { cursor.advance() }
          if let link = LinkSyntax.matchLink(&cursor), LinkSyntax.matchInclusionEnd(&cursor) {
            markSpan(line: line, index, cursor.index)
            output.includes.append(
              Include(
                path: link.path, title: link.title, line: line, column: column(line, index),
                inline: true))
            index = cursor.index
          } else {
            markSpan(line: line, index, end)
            report(IncludeInvalid.malformed, line: line, column: column(line, index))
            index = end
          }
          continue
        }
      }
      if byte == UInt8(ascii: ":"), index + 2 < end, bytes[index + 1] == UInt8(ascii: ":"),
        bytes[index + 2] == UInt8(ascii: ":")
      {
        var cursor = ByteCursor(bytes: bytes, start: index + 3, end: end)
        cursor.skipSpacesAndTabs()
        if cursor.matchStart("image"), !ByteClass.isAlphaNumeric(cursor.current),
          cursor.current != UInt8(ascii: "-")
        {
          index = scanImage(line: line, start: index, end: end, cursor: &cursor)
          continue
        }
      }
      index += 1
    }
  }

  /// `:::image type="content" source="..." alt-text="..." lightbox="..." link="...":::`
  private mutating func scanImage(line: Int, start: Int, end: Int, cursor: inout ByteCursor)
    -> Int
  {
    let position = column(line, start)
    let attributes: [TripleColonSyntax.Attribute]
    switch TripleColonSyntax.matchAttributes(&cursor, selfClosing: true) {
    case .success(let parsed): attributes = parsed
    case .failure(let error):
      markSpan(line: line, start, end)
      report(
        InvalidImage.malformedAttributes(error), line: line, column: column(line, error.offset))
      return end
    }
    markSpan(line: line, start, cursor.index)
    func value(_ name: String) -> String? {
      attributes.first { $0.name == name }.map(\.value)
    }
    var image = ImageDirective(
      type: value("type").flatMap { $0.isEmpty ? nil : $0 } ?? "content",
      source: value("source"), altText: value("alt-text"), lightbox: value("lightbox"),
      link: value("link"), line: line, column: position)
    let known: Set<String> = [
      "alt-text", "type", "loc-scope", "source", "border", "lightbox", "link",
    ]
    if let unknown = attributes.first(where: { !known.contains($0.name) }) {
      report(
        InvalidImage.unexpectedAttribute(unknown.name, source: image.source ?? ""), line: line,
        column: column(line, unknown.valueOffset))
      return cursor.index
    }
    var valid = true
    if (image.source ?? "").isEmpty {
      valid = false
      report(InvalidImage.missingSource, line: line, column: position)
    }
    if (image.altText ?? "").isEmpty, image.type != "icon" {
      valid = false
      report(InvalidImage.missingAltText, line: line, column: position)
    }
    if image.type == "complex" {
      image.endLine = nil
      output.images.append(image)
      if openComplexImage == nil { openComplexImage = output.images.count - 1 }
      return end
    }
    if valid || image.source != nil { output.images.append(image) }
    return cursor.index
  }

  // MARK: - Helpers

  private mutating func markSpan(line: Int, _ start: Int, _ end: Int) {
    output.spans[line, default: []].append(start..<max(start + 1, end))
  }

  private func column(_ line: Int, _ offset: Int) -> Int {
    input.source.column(line: line, byteColumn: offset - input.source.lineStarts[line - 1] + 1)
  }

  /// Places a rule's message at a position of this file.
  private mutating func report(_ message: RuleMessage, line: Int, column: Int) {
    output.diagnostics.append(message.at(input.path, line: line, column: column))
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
