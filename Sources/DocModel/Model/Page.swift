/// One parsed Markdown file: front matter, DocFX blocks, headings, links, anchors and code,
/// each with its 1-based source position.
///
/// A `Page` is an immutable value: it is made once by `PageParser` and shared freely
/// between tasks.
public struct Page: Sendable, Hashable {
  /// The page's values, behind one reference: copying a `Page` (every rule visits every
  /// page) retains one object instead of every array.
  private struct Fields: Sendable, Hashable {
    var path: String
    var frontMatter: FrontMatter
    var zones: [Zone]
    var includes: [Include]
    var headings: [Heading]
    var links: [Link]
    var anchors: [Anchor]
    var codeBlocks: [CodeBlock]
    var comments: [Comment]
    var images: [ImageDirective]
    var codeReferences: [CodeReference]
    var alerts: [Alert]
    var sections: [DivSection]
    var videos: [Video]
    var tabs: [Tab]
    var monikers: [MonikerBlock]
    var lineCount: Int
    var isBinary: Bool
    var diagnostics: [Diagnostic]
  }

  private final class Box: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private let box: Box

  /// The path the page was read from, as the caller named it.
  public var path: String { box.fields.path }
  public var frontMatter: FrontMatter { box.fields.frontMatter }
  public var zones: [Zone] { box.fields.zones }
  public var includes: [Include] { box.fields.includes }
  public var headings: [Heading] { box.fields.headings }
  public var links: [Link] { box.fields.links }
  public var anchors: [Anchor] { box.fields.anchors }
  public var codeBlocks: [CodeBlock] { box.fields.codeBlocks }
  public var comments: [Comment] { box.fields.comments }
  public var images: [ImageDirective] { box.fields.images }
  public var codeReferences: [CodeReference] { box.fields.codeReferences }
  public var alerts: [Alert] { box.fields.alerts }
  public var sections: [DivSection] { box.fields.sections }
  public var videos: [Video] { box.fields.videos }
  public var tabs: [Tab] { box.fields.tabs }
  /// `::: moniker range` blocks, in order.
  public var monikers: [MonikerBlock] { box.fields.monikers }
  /// The number of lines in the file.
  public var lineCount: Int { box.fields.lineCount }
  /// The file is not text (it holds NUL bytes): nothing else was parsed.
  public var isBinary: Bool { box.fields.isBinary }
  /// What the parser found wrong: YAML errors, invalid zones, encoding problems, ...
  public var diagnostics: [Diagnostic] { box.fields.diagnostics }

  public init(
    path: String, frontMatter: FrontMatter = FrontMatter(), zones: [Zone] = [],
    includes: [Include] = [], headings: [Heading] = [], links: [Link] = [],
    anchors: [Anchor] = [], codeBlocks: [CodeBlock] = [], comments: [Comment] = [],
    images: [ImageDirective] = [], codeReferences: [CodeReference] = [], alerts: [Alert] = [],
    sections: [DivSection] = [], videos: [Video] = [], tabs: [Tab] = [],
    monikers: [MonikerBlock] = [], lineCount: Int = 0,
    isBinary: Bool = false, diagnostics: [Diagnostic] = []
  ) {
    box = Box(
      Fields(
        path: path, frontMatter: frontMatter, zones: zones, includes: includes,
        headings: headings, links: links, anchors: anchors, codeBlocks: codeBlocks,
        comments: comments, images: images, codeReferences: codeReferences, alerts: alerts,
        sections: sections, videos: videos, tabs: tabs, monikers: monikers, lineCount: lineCount,
        isBinary: isBinary,
        diagnostics: diagnostics))
  }

  public static func == (lhs: Page, rhs: Page) -> Bool {
    lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(box.fields)
  }

  /// Every bookmark id on this file: heading ids and HTML anchors.
  public var bookmarks: Set<String> {
    var ids = Set(headings.map(\.id))
    for anchor in anchors { ids.insert(anchor.id) }
    return ids
  }
}

extension Page: Encodable {
  private enum CodingKeys: String, CodingKey {
    case path, frontMatter, zones, includes, headings, links, anchors, codeBlocks, comments
    case images, codeReferences, alerts, sections, videos, tabs, monikers, lineCount, diagnostics
  }

  /// Encodes the page as `docproof dump` prints it.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(path, forKey: .path)
    try container.encode(YAMLValue.mapping(frontMatter.entries), forKey: .frontMatter)
    try container.encode(zones, forKey: .zones)
    try container.encode(includes, forKey: .includes)
    try container.encode(headings, forKey: .headings)
    try container.encode(links, forKey: .links)
    try container.encode(anchors, forKey: .anchors)
    try container.encode(codeBlocks, forKey: .codeBlocks)
    try container.encode(comments, forKey: .comments)
    try container.encode(images, forKey: .images)
    try container.encode(codeReferences, forKey: .codeReferences)
    try container.encode(alerts, forKey: .alerts)
    try container.encode(sections, forKey: .sections)
    try container.encode(videos, forKey: .videos)
    try container.encode(tabs, forKey: .tabs)
    // Only pages with moniker blocks have the key, so that every other dump stays as it was.
    if !monikers.isEmpty { try container.encode(monikers, forKey: .monikers) }
    try container.encode(lineCount, forKey: .lineCount)
    try container.encode(diagnostics, forKey: .diagnostics)
  }
}
