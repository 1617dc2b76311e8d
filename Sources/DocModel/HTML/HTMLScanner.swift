import CLibXML2

#if canImport(Glibc)
  import Glibc
#endif

/// Finds bookmarks (`id` on any element, `name` on `<a>`) and comments in HTML fragments,
/// with libxml2's HTML parser.
enum HTMLScanner {
  /// A bookmark found in a fragment; `line` is 1-based within the fragment.
  struct FoundAnchor: Equatable {
    var id: String
    var line: Int
  }

  /// A comment found in a fragment; lines are 1-based within the fragment, `column` is the
  /// byte column of `<!--` on its line.
  struct FoundComment: Equatable {
    var text: String
    var line: Int
    var endLine: Int
    var column: Int
  }

  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// The `id`/`name` anchors in an HTML fragment.
  static func anchors(in html: String) -> [FoundAnchor] {
    // Most fragments (closing tags, `<br>`, comments) cannot carry an anchor: skip libxml2.
    guard mayHoldAnchor(html) else { return [] }
    precondition(initialized)
    let bytes = Array(html.utf8)
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
      guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else {
        return nil
      }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
      }
    }
    guard let document else { return [] }
    defer { xmlFreeDoc(document) }

    var found: [FoundAnchor] = []
    let lastLine = lineCount(of: bytes)
    // Iterative pre-order walk: fragments can nest deeply.
    var stack: [xmlNodePtr] = []
    if let root = xmlDocGetRootElement(document) { stack.append(root) }
    while let node = stack.popLast() {
      if node.pointee.type == XML_ELEMENT_NODE {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        // libxml2 numbers an element by where its parser was when it made it: past the end
        // of the fragment for a tag left open (`<dt id="`). Keep the line inside the fragment.
        let line = min(Int(xmlGetLineNo(node)), lastLine)
        if let id = attribute(node, "id"), !id.isEmpty {
          found.append(FoundAnchor(id: id, line: max(line, 1)))
        }
        if name == "a", let anchorName = attribute(node, "name"), !anchorName.isEmpty {
          found.append(FoundAnchor(id: anchorName, line: max(line, 1)))
        }
      }
      var children: [xmlNodePtr] = []
      var child = node.pointee.children
      while let current = child {
        children.append(current)
        child = current.pointee.next
      }
      stack.append(contentsOf: children.reversed())
    }
    return found
  }

  /// The comments (`<!-- ... -->`) in an HTML fragment.
  static func comments(in html: String) -> [FoundComment] {
    let bytes = Array(html.utf8)
    var found: [FoundComment] = []
    var index = 0
    var line = 1
    var lineStart = 0
    let open: [UInt8] = Array("<!--".utf8)
    let close: [UInt8] = Array("-->".utf8)
    while index < bytes.count {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard bytes[index] == 0x3C, matches(bytes, at: index, open) else {
        index += 1
        continue
      }
      let startLine = line
      let column = index - lineStart + 1
      var cursor = index + open.count
      var endLine = line
      while cursor < bytes.count, !matches(bytes, at: cursor, close) {
        // A comment left open runs to the end of the fragment, whose final `\n` ends the
        // last line rather than starting another one.
        if bytes[cursor] == 0x0A, cursor + 1 < bytes.count {
          endLine += 1
          lineStart = cursor + 1
        }
        cursor += 1
      }
      let textEnd = min(cursor, bytes.count)
      let text = String(decoding: bytes[(index + open.count)..<textEnd], as: UTF8.self)
      found.append(
        FoundComment(
          text: text.trimmingSpaces(), line: startLine, endLine: endLine, column: column))
      line = endLine
      index = min(cursor + close.count, bytes.count)
    }
    return found
  }

  /// The number of lines in a fragment (`\n`, `\r\n` or a lone `\r` end a line; a final
  /// line ending starts no further line), at least 1.
  private static func lineCount(of bytes: [UInt8]) -> Int {
    var lines = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard byte == 0x0A || byte == 0x0D else { continue }
      if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
      if index < bytes.count { lines += 1 }
    }
    return lines
  }

  private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] {
      return false
    }
    return true
  }

  private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let value = xmlGetProp(node, name) else { return nil }
    let text = String(cString: value)
    free(value)
    return text
  }

  /// Whether a fragment has an `id` or `name` attribute at all (ASCII case-insensitive).
  static func mayHoldAnchor(_ html: String) -> Bool {
    var previous: UInt8 = 0
    let utf8 = Array(html.utf8)
    var index = 0
    while index < utf8.count {
      let byte = utf8[index] | 0x20
      if byte == 0x69 || byte == 0x6E,
        previous == 0x20 || previous == 0x09 || previous == 0x0A
          || previous == 0x0D || previous == 0x2F || previous == 0x22 || previous == 0x27
      {
        if byte == 0x69, index + 1 < utf8.count, utf8[index + 1] | 0x20 == 0x64 { return true }
        if byte == 0x6E, index + 3 < utf8.count, utf8[index + 1] | 0x20 == 0x61,
          utf8[index + 2] | 0x20 == 0x6D, utf8[index + 3] | 0x20 == 0x65
        {
          return true
        }
      }
      previous = utf8[index]
      index += 1
    }
    return false
  }
}
