import CCmarkGFM
import CCmarkInlineChars
import Foundation

/// A Markdown document parsed by cmark-gfm with source positions and the GFM extensions.
///
/// Owns the cmark node tree; never leaves the function that parsed it.
final class CmarkDocument {
  /// The GFM extensions DocFX's Markdig pipeline also enables.
  static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

  /// Registers the core extensions once per process (cmark's registry is not thread-safe).
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  /// Held while a parser runs its inline phase, unless cmark-gfm's table of special inline
  /// characters is pinned. cmark-gfm 0.29 (Debian 12's) keeps that table in a global that
  /// every `cmark_parser_finish` fills with its extensions' characters at the start of the
  /// inline phase and clears at its end: a parser finishing on another thread would clear
  /// `:`, `w` and `~` under this one, which then silently misses autolinks and
  /// strikethrough. `CCmarkInlineChars` takes the place of the function that fills and
  /// clears it, so that the first parse of the process fills it for good.
  private static let inlinePhase = NSLock()

  /// Whether parsers may finish in parallel: true once the first parse of the process,
  /// made alone, has pinned the table (see `CCmarkInlineChars`).
  static let parallelInlinePhase: Bool = {
    precondition(registered)
    inlinePhase.lock()
    defer { inlinePhase.unlock() }
    let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
    for name in extensionNames {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    let text = "~~a~~ www.example.com\n"
    cmark_parser_feed(parser, text, text.utf8.count)
    let root = cmark_parser_finish(parser)
    cmark_node_free(root)
    cmark_parser_free(parser)
    return docproof_cmark_inline_chars_pinned() != 0
  }()

  private let parser: OpaquePointer
  let root: OpaquePointer

  init(bytes: [UInt8]) {
    precondition(Self.registered)
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE
    let parser = cmark_parser_new(options)!
    for name in Self.extensionNames {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return }
      base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parser_feed(parser, $0, buffer.count)
      }
    }
    self.parser = parser
    if Self.parallelInlinePhase {
      root = cmark_parser_finish(parser)
    } else {
      Self.inlinePhase.lock()
      root = cmark_parser_finish(parser)
      Self.inlinePhase.unlock()
    }
  }

  deinit {
    cmark_node_free(root)
    cmark_parser_free(parser)
  }
}

/// Read-only accessors over a cmark node.
struct CmarkNode {
  let pointer: OpaquePointer

  var type: cmark_node_type { cmark_node_get_type(pointer) }
  var typeName: String { String(cString: cmark_node_get_type_string(pointer)) }
  var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
  var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
  var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
  var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

  var literal: String {
    guard let text = cmark_node_get_literal(pointer) else { return "" }
    return String(cString: text)
  }

  var url: String {
    guard let text = cmark_node_get_url(pointer) else { return "" }
    return String(cString: text)
  }

  var fenceInfo: String {
    guard let text = cmark_node_get_fence_info(pointer) else { return "" }
    return String(cString: text)
  }

  /// The fence of a fenced code block (character and length), or `nil` for indented code.
  var fence: (character: UInt8, length: Int)? {
    var length: Int32 = 0
    var offset: Int32 = 0
    var character: CChar = 0
    guard cmark_node_get_fenced(pointer, &length, &offset, &character) != 0 else { return nil }
    return (UInt8(bitPattern: character), Int(length))
  }

  var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

  var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
  var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
  var previous: CmarkNode? { cmark_node_previous(pointer).map(CmarkNode.init) }
  var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }

  var children: [CmarkNode] {
    var result: [CmarkNode] = []
    var child = firstChild
    while let node = child {
      result.append(node)
      child = node.next
    }
    return result
  }

  /// Visits the node and its descendants in document order, without recursion.
  func walk(_ visit: (CmarkNode, _ entering: Bool) -> Void) {
    guard let iterator = cmark_iter_new(pointer) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      visit(CmarkNode(pointer: node), event == CMARK_EVENT_ENTER)
    }
  }
}
