import DocModel
import DocSite

/// A part of a page's structure that a translation must keep as the source has it.
public enum StructureAspect: String, CaseIterable, Sendable, Hashable, Codable {
  case pivotGroups = "zone_pivot_groups"
  case zones
  case includes
  case sections
  case codeBlocks = "code blocks"
  case transcripts
  case links
  case images

  /// Where this aspect is in `allCases`.
  var position: Int {
    switch self {
    case .pivotGroups: 0
    case .zones: 1
    case .includes: 2
    case .sections: 3
    case .codeBlocks: 4
    case .transcripts: 5
    case .links: 6
    case .images: 7
    }
  }

  /// The singular noun for one item of this aspect.
  public var itemName: String {
    switch self {
    case .pivotGroups: "zone_pivot_groups"
    case .zones: "zone"
    case .includes: "include"
    case .sections: "section"
    case .codeBlocks: "code block"
    case .transcripts: "transcript"
    case .links: "link"
    case .images: "image"
    }
  }
}

/// One element of a structure: what is compared, how it is shown, where it is.
public struct StructureItem: Sendable, Hashable {
  /// What must be equal between source and translation.
  public var key: String
  /// How the item is shown to a reader.
  public var label: String
  public var line: Int
  /// The text of a code block or transcript, to point at the first differing line.
  public var body: String?

  public init(key: String, label: String, line: Int, body: String? = nil) {
    self.key = key
    self.label = label
    self.line = line
    self.body = body
  }
}

/// The structure of one file, aspect by aspect, in file order.
public struct PageStructure: Sendable, Hashable {
  /// Each aspect's items, in the order of `StructureAspect.allCases`.
  private var lists: [[StructureItem]]

  public subscript(aspect: StructureAspect) -> [StructureItem] { lists[aspect.position] }

  /// The structure of `page`; `transcriptLines` are the opening-fence lines of the blocks
  /// that are transcripts; `localeNames` are the site's locales, whose path segments in
  /// link targets are neutralized (`/en-us/azure` and `/sv-se/azure` compare equal).
  public init(of page: Page, transcriptLines: Set<Int>, localeNames: Set<String>) {
    var items = Items()
    if let entry = page.frontMatter.entry("zone_pivot_groups") {
      let value = entry.text ?? "(\(entry.value.kindName))"
      items[.pivotGroups] = [StructureItem(key: value, label: value, line: entry.line)]
    }
    items[.zones] = page.zones.map { zone in
      var attributes: [String] = []
      if !zone.pivots.isEmpty {
        attributes.append("pivot=\"\(zone.pivots.joined(separator: ","))\"")
      }
      if let target = zone.target { attributes.append("target=\"\(target)\"") }
      let text = attributes.joined(separator: " ")
      return StructureItem(key: text, label: "::: zone \(text)", line: zone.line)
    }
    items[.includes] = page.includes.map { include in
      let path = Self.normalizedPath(include.path)
      return StructureItem(key: path, label: include.path, line: include.line)
    }
    items[.sections] = page.headings.map { heading in
      StructureItem(
        key: "h\(heading.level) #\(heading.id)",
        label: "\(String(repeating: "#", count: heading.level)) \(heading.text) {#\(heading.id)}",
        line: heading.line)
    }
    var code: [StructureItem] = []
    var transcripts: [StructureItem] = []
    for block in page.codeBlocks {
      let body = Self.comparableCode(block.text)
      let lines =
        block.text.isEmpty ? 0 : body.split(separator: "\n", omittingEmptySubsequences: false).count
      let fence = block.fenced ? "```\(block.language)" : "indented code"
      let item = StructureItem(
        key: block.language + "\n" + body,
        label: "\(fence) (\(lines) line\(lines == 1 ? "" : "s"))", line: block.line, body: body)
      if transcriptLines.contains(block.line) {
        transcripts.append(item)
      } else {
        code.append(item)
      }
    }
    items[.codeBlocks] = code
    items[.transcripts] = transcripts
    var links: [StructureItem] = []
    var images: [StructureItem] = []
    for link in page.links {
      let key = Self.neutralized(link.target, locales: localeNames)
      let item = StructureItem(key: key, label: link.target, line: link.line)
      if link.isImage { images.append(item) } else { links.append(item) }
    }
    for image in page.images {
      guard let source = image.source else { continue }
      images.append(
        StructureItem(
          key: Self.neutralized(source, locales: localeNames), label: source, line: image.line))
    }
    images.sort { $0.line < $1.line }
    items[.links] = links
    items[.images] = images
    self.lists = items.lists
  }

  /// The lists being built, set by aspect.
  private struct Items {
    var lists = [[StructureItem]](repeating: [], count: StructureAspect.allCases.count)

    subscript(aspect: StructureAspect) -> [StructureItem] {
      get { lists[aspect.position] }
      set { lists[aspect.position] = newValue }
    }
  }

  /// An include path as a comparable key: `./a/../b.md` → `b.md`; `~/` paths kept rooted.
  static func normalizedPath(_ path: String) -> String {
    let trimmed = path.trimmingSpaces()
    if trimmed.hasPrefix("~/") {
      return "~/" + (RelativePath.resolve(String(trimmed.dropFirst(2)), from: "") ?? trimmed)
    }
    var base = ""
    var rest = Substring(trimmed)
    while rest.hasPrefix("../") {
      base += "../"
      rest = rest.dropFirst(3)
    }
    return base + (RelativePath.resolve(String(rest), from: "") ?? String(rest))
  }

  /// A link target with locale path segments replaced (`/en-us/` → `/{locale}/`, any case).
  static func neutralized(_ target: String, locales: Set<String>) -> String {
    // Every link of every page and translation comes here, and few have a locale segment:
    // the segments are compared as bytes, without a lowercased copy of each.
    func isLocale(_ part: Substring.UTF8View) -> Bool {
      guard part.allSatisfy({ $0 < 0x80 }) else {
        // Beyond ASCII, lowercasing is Unicode's (the Kelvin sign lowercases to `k`).
        return locales.contains(String(Substring(part)).lowercased())
      }
      return locales.contains { locale in
        locale.utf8.count == part.count
          && zip(locale.utf8, part).allSatisfy { expected, byte in
            expected
              == (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
          }
      }
    }
    // Most targets have no locale segment: looked for without splitting first.
    let utf8 = target.utf8
    var start = utf8.startIndex
    while true {
      let slash = utf8[start...].firstIndex(of: UInt8(ascii: "/"))
      if isLocale(utf8[start..<(slash ?? utf8.endIndex)]) { break }
      guard let slash else { return target }
      start = utf8.index(after: slash)
    }
    let parts = target.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    return parts.map { isLocale($0) ? "{locale}" : String(Substring($0)) }.joined(separator: "/")
  }

  /// Code as compared: line endings unified and trailing spaces dropped on every line.
  /// Blank lines at the end are dropped too. Byte by byte: every code block of every page
  /// and translation comes here.
  static func comparableCode(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var lineStart = 0
    func trimLine() {
      while bytes.count > lineStart, bytes.last == UInt8(ascii: " ") || bytes.last == 0x09 {
        bytes.removeLast()
      }
    }
    for byte in text.utf8 {
      if byte == 0x0A {
        if bytes.count > lineStart, bytes.last == 0x0D { bytes.removeLast() }
        trimLine()
        bytes.append(byte)
        lineStart = bytes.count
      } else {
        bytes.append(byte)
      }
    }
    trimLine()
    while bytes.last == 0x0A { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
