import CCmarkGFM

/// Walks cmark-gfm's tree once and collects what the page model needs: headings with their
/// bookmark ids, links and images, code blocks, HTML anchors and comments, and the line
/// facts `DirectiveScanner` needs (code lines, list indentation, code spans).
struct MarkdownCollector {
  /// A link with the absolute byte offset where it starts, to match it against directives.
  struct FoundLink {
    var link: Link
    var offset: Int
  }

  let source: SourceText
  let path: String

  var skippedLines: [Bool]
  var containerIndent: [Int]
  var codeSpans: [Int: [Range<Int>]] = [:]
  var headings: [Heading] = []
  var links: [FoundLink] = []
  var anchors: [Anchor] = []
  var codeBlocks: [CodeBlock] = []
  var comments: [Comment] = []
  var tabs: [Tab] = []
  var diagnostics: [Diagnostic] = []

  private var allocator = BookmarkAllocator()
  /// `<a name>` tags a heading consumes as its id: not separate anchors.
  private var consumedAnchors: Set<OpaquePointer> = []

  init(source: SourceText, path: String) {
    self.source = source
    self.path = path
    skippedLines = Array(repeating: false, count: source.lineCount + 2)
    containerIndent = Array(repeating: 0, count: source.lineCount + 2)
  }

  mutating func collect(_ root: CmarkNode) {
    root.walk { node, entering in
      guard entering else { return }
      switch node.type {
      case CMARK_NODE_CODE_BLOCK: collectCodeBlock(node)
      case CMARK_NODE_HTML_BLOCK: collectHTMLBlock(node)
      case CMARK_NODE_ITEM: collectItem(node)
      case CMARK_NODE_HEADING: collectHeading(node)
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE: collectLink(node)
      case CMARK_NODE_CODE: collectCodeSpan(node)
      case CMARK_NODE_HTML_INLINE: collectInlineHTML(node)
      default: break
      }
    }
  }

  // MARK: - Blocks

  private mutating func collectCodeBlock(_ node: CmarkNode) {
    let start = clampLine(node.startLine)
    let end = clampLine(max(node.endLine, node.startLine))
    markSkipped(start, end)
    let fence = node.fence
    let info = node.fenceInfo
    var closed = true
    if let fence {
      closed =
        end > start && isClosingFence(line: end, character: fence.character, length: fence.length)
      if !closed, end >= source.lineCount {
        diagnostics.append(
          CodeFenceUnclosed.neverClosed(
            fence: Character(Unicode.Scalar(fence.character)), length: fence.length
          ).at(path, line: start, column: column(start, node.startColumn)))
      }
    }
    codeBlocks.append(
      CodeBlock(
        info: info, language: String(info.split(separator: " ").first ?? ""), line: start,
        endLine: end, text: node.literal, fenced: fence != nil,
        fence: fence.map {
          String(repeating: Character(Unicode.Scalar($0.character)), count: $0.length)
        },
        closed: closed, zone: nil,
        lead: node.previous.flatMap { previous in
          previous.type == CMARK_NODE_PARAGRAPH
            ? Self.plainText(of: previous).display.trimmingSpaces() : nil
        },
        previousLine: node.previous.map { clampLine($0.startLine) }))
  }

  private func isClosingFence(line: Int, character: UInt8, length: Int) -> Bool {
    var bytes = source.lineBytes(line)[...]
    while let first = bytes.first, first == 0x20 || first == 0x09 || first == UInt8(ascii: ">") {
      bytes = bytes.dropFirst()
    }
    var count = 0
    while let first = bytes.first, first == character {
      count += 1
      bytes = bytes.dropFirst()
    }
    return count >= length && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  private mutating func collectHTMLBlock(_ node: CmarkNode) {
    let start = clampLine(node.startLine)
    markSkipped(start, clampLine(max(node.endLine, node.startLine)))
    let html = node.literal
    for found in HTMLScanner.anchors(in: html) {
      let line = start + found.line - 1
      anchors.append(
        Anchor(id: found.id, line: line, column: column(start, node.startColumn), zone: nil))
    }
    for found in HTMLScanner.comments(in: html) {
      let line = start + found.line - 1
      let byteColumn = found.line == 1 ? node.startColumn + found.column - 1 : found.column
      comments.append(
        Comment(
          text: found.text, line: line, endLine: start + found.endLine - 1,
          column: column(line, byteColumn)))
    }
  }

  private mutating func collectItem(_ node: CmarkNode) {
    guard let child = node.firstChild else { return }
    let indent = child.startColumn - 1
    guard indent > 0 else { return }
    let start = clampLine(node.startLine)
    let end = clampLine(max(node.endLine, node.startLine))
    guard start <= end else { return }
    for line in start...end where containerIndent[line] < indent {
      containerIndent[line] = indent
    }
  }

  // MARK: - Headings

  private mutating func collectHeading(_ node: CmarkNode) {
    let children = node.children
    let (display, slugSource) = Self.plainText(of: node)
    let autoId = allocator.allocate(slug: BookmarkID.slug(slugSource))
    let line = clampLine(node.startLine)
    let position = column(line, node.startColumn)

    // DocFX rewrites `<a name="x"></a>` at a heading's start into its id before it looks for
    // tabs: a translated tab heading keeps the source's anchor that way and is still a tab.
    var content = children[...]
    if children.count == 3, children[0].type == CMARK_NODE_HTML_INLINE,
      children[1].type == CMARK_NODE_HTML_INLINE,
      Self.headingAnchorID(open: children[0].literal, close: children[1].literal) != nil
    {
      content = children[2...]
    }
    if content.count == 1, let link = content.first, link.type == CMARK_NODE_LINK,
      link.url.hasPrefix("#tab/")
    {
      if content.startIndex > 0 { consumedAnchors.insert(children[0].pointer) }
      let parts = link.url.dropFirst(5).split(
        separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
      tabs.append(
        Tab(
          id: String(parts.first ?? ""), condition: parts.count > 1 ? String(parts[1]) : nil,
          title: display, line: line, column: position))
      return
    }

    var id = autoId
    var replaced: String?
    if children.count > 2, children[0].type == CMARK_NODE_HTML_INLINE,
      children[1].type == CMARK_NODE_HTML_INLINE,
      let explicit = Self.headingAnchorID(open: children[0].literal, close: children[1].literal)
    {
      consumedAnchors.insert(children[0].pointer)
      replaced = autoId
      id = explicit
    }
    headings.append(
      Heading(
        level: node.headingLevel, text: display.trimmingSpaces(), id: id, autoId: replaced,
        line: line, column: position, zone: nil))
  }

  /// The id of DocFX's `HeadingIdRewriter`: a heading that starts with
  /// `<a name="X"></a>` (or `id=`) takes id X. The pattern is DocFX's:
  /// `^<a +(?:name|id)="([\w \-\.]+)" *>$` then `^</a>$`.
  static func headingAnchorID(open: String, close: String) -> String? {
    guard close == "</a>" else { return nil }
    var rest = Substring(open)
    guard rest.hasPrefix("<a ") else { return nil }
    rest = rest.dropFirst(2)
    guard rest.first == " " else { return nil }
    while rest.first == " " { rest = rest.dropFirst() }
    if rest.hasPrefix("name=\"") {
      rest = rest.dropFirst(6)
    } else if rest.hasPrefix("id=\"") {
      rest = rest.dropFirst(4)
    } else {
      return nil
    }
    guard let quote = rest.firstIndex(of: "\"") else { return nil }
    let value = rest[..<quote]
    guard !value.isEmpty, value.unicodeScalars.allSatisfy(isHeadingIDScalar) else { return nil }
    rest = rest[rest.index(after: quote)...]
    while rest.first == " " { rest = rest.dropFirst() }
    guard rest == ">" else { return nil }
    return String(value)
  }

  /// .NET's `\w` plus space, `-` and `.`.
  private static func isHeadingIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " || scalar == "-" || scalar == "." || scalar == "_" { return true }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .decimalNumber, .connectorPunctuation:
      return true
    default:
      return false
    }
  }

  /// The inline text of a node as a reader sees it, and as Markdig feeds its id generator
  /// (line breaks as `\n`, HTML dropped).
  static func plainText(of node: CmarkNode) -> (display: String, slugSource: String) {
    var display = ""
    var slug = ""
    node.walk { child, entering in
      guard entering else { return }
      switch child.type {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        let literal = child.literal
        display += literal
        slug += literal
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        display += " "
        slug += "\n"
      default:
        break
      }
    }
    return (display, slug)
  }

  // MARK: - Inlines

  private mutating func collectLink(_ node: CmarkNode) {
    let text = Self.plainText(of: node).display
    guard node.startLine > 0 else {
      // cmark-gfm's autolink extension gives bare URLs no source position: find the URL in
      // the source after the node before it.
      collectUnpositionedAutolink(node, text: text)
      return
    }
    let line = clampLine(node.startLine)
    var start = offset(line: line, byteColumn: node.startColumn)
    let lineEnd = source.lineEnds.isEmpty ? 0 : source.lineEnds[line - 1]
    // cmark-gfm's autolink extension reports `www.` links one column early.
    while start < lineEnd, start < source.bytes.count, source.bytes[start] == 0x20 { start += 1 }
    let first = start < source.bytes.count ? source.bytes[start] : 0
    let kind: LinkKind
    if first == UInt8(ascii: "<") || (first != UInt8(ascii: "[") && first != UInt8(ascii: "!")) {
      kind = .autolink
    } else {
      let endLine = clampLine(max(node.endLine, node.startLine))
      let end = offset(line: endLine, byteColumn: node.endColumn)
      let last = end < source.bytes.count ? source.bytes[end] : 0
      kind = last == UInt8(ascii: ")") ? .inline : .reference
    }
    appendLink(node, text: text, kind: kind, offset: start)
  }

  private mutating func collectUnpositionedAutolink(_ node: CmarkNode, text: String) {
    var anchor = node.previous ?? node.parent
    while let candidate = anchor, candidate.startLine == 0 {
      anchor = candidate.previous ?? candidate.parent
    }
    guard !source.lineStarts.isEmpty else { return }
    var from = 0
    if let anchor {
      from = offset(line: clampLine(anchor.startLine), byteColumn: anchor.startColumn)
    }
    let needle = Array(text.utf8)
    let start = Self.firstIndex(of: needle, in: source.bytes, from: from) ?? from
    appendLink(node, text: text, kind: .autolink, offset: start)
  }

  private mutating func appendLink(_ node: CmarkNode, text: String, kind: LinkKind, offset: Int) {
    let line = source.line(ofByte: offset)
    let lineStart = source.lineStarts.isEmpty ? 0 : source.lineStarts[line - 1]
    links.append(
      FoundLink(
        link: Link(
          target: node.url, kind: kind, isImage: node.type == CMARK_NODE_IMAGE,
          text: text.trimmingSpaces(), line: line,
          column: source.column(line: line, byteColumn: offset - lineStart + 1), zone: nil),
        offset: offset))
  }

  static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    var index = max(0, start)
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == needle[0] {
        var matched = 1
        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index }
      }
      index += 1
    }
    return nil
  }

  private mutating func collectCodeSpan(_ node: CmarkNode) {
    let startLine = clampLine(node.startLine)
    let endLine = clampLine(max(node.endLine, node.startLine))
    let bytes = source.bytes
    var start = offset(line: startLine, byteColumn: node.startColumn)
    let startLineBegin = source.lineStarts[startLine - 1]
    while start > startLineBegin, bytes[start - 1] == UInt8(ascii: "`") { start -= 1 }
    var end = offset(line: endLine, byteColumn: node.endColumn) + 1
    let endLineEnd = source.lineEnds[endLine - 1]
    while end < endLineEnd, bytes[end] == UInt8(ascii: "`") { end += 1 }
    if startLine == endLine {
      codeSpans[startLine, default: []].append(start..<max(start + 1, end))
      return
    }
    codeSpans[startLine, default: []].append(start..<source.lineEnds[startLine - 1] + 1)
    var line = startLine + 1
    while line < endLine {
      codeSpans[line, default: []].append(
        source.lineStarts[line - 1]..<source.lineEnds[line - 1] + 1)
      line += 1
    }
    codeSpans[endLine, default: []].append(
      source.lineStarts[endLine - 1]..<max(end, source.lineStarts[endLine - 1] + 1))
  }

  private mutating func collectInlineHTML(_ node: CmarkNode) {
    let line = clampLine(node.startLine)
    let html = node.literal
    if html.hasPrefix("<!--") {
      for found in HTMLScanner.comments(in: html) {
        comments.append(
          Comment(
            text: found.text, line: line + found.line - 1, endLine: line + found.endLine - 1,
            column: column(line, node.startColumn)))
      }
      return
    }
    guard !consumedAnchors.contains(node.pointer) else { return }
    for found in HTMLScanner.anchors(in: html) {
      anchors.append(
        Anchor(id: found.id, line: line, column: column(line, node.startColumn), zone: nil))
    }
  }

  // MARK: - Positions

  private func clampLine(_ line: Int) -> Int {
    min(max(line, 1), max(source.lineCount, 1))
  }

  private func offset(line: Int, byteColumn: Int) -> Int {
    guard !source.lineStarts.isEmpty else { return 0 }
    let start = source.lineStarts[line - 1]
    return min(start + max(byteColumn, 1) - 1, source.lineEnds[line - 1])
  }

  private func column(_ line: Int, _ byteColumn: Int) -> Int {
    source.column(line: line, byteColumn: byteColumn)
  }

  private mutating func markSkipped(_ start: Int, _ end: Int) {
    guard start <= end else { return }
    for line in start...end { skippedLines[line] = true }
  }
}
