/// One parsed Markdown file: front matter, DocFX blocks, headings, links, anchors and code,
/// each with its 1-based source position.
///
/// A `Page` is an immutable value: it is made once by `PageParser` and shared freely
/// between tasks.
public struct Page: Sendable, Hashable {
  /// The path the page was read from, as the caller named it.
  public var path: String
  public var frontMatter: FrontMatter
  public var zones: [Zone]
  public var includes: [Include]
  public var headings: [Heading]
  public var links: [Link]
  public var anchors: [Anchor]
  public var codeBlocks: [CodeBlock]
  public var comments: [Comment]
  public var images: [ImageDirective]
  public var codeReferences: [CodeReference]
  public var alerts: [Alert]
  public var sections: [DivSection]
  public var videos: [Video]
  public var tabs: [Tab]
  /// The number of lines in the file.
  public var lineCount: Int
  /// The file is not text (it holds NUL bytes): nothing else was parsed.
  public var isBinary = false
  /// What the parser found wrong: YAML errors, invalid zones, encoding problems, ...
  public var diagnostics: [Diagnostic]

  public init(
    path: String, frontMatter: FrontMatter = FrontMatter(), zones: [Zone] = [],
    includes: [Include] = [], headings: [Heading] = [], links: [Link] = [],
    anchors: [Anchor] = [], codeBlocks: [CodeBlock] = [], comments: [Comment] = [],
    images: [ImageDirective] = [], codeReferences: [CodeReference] = [], alerts: [Alert] = [],
    sections: [DivSection] = [], videos: [Video] = [], tabs: [Tab] = [], lineCount: Int = 0,
    diagnostics: [Diagnostic] = []
  ) {
    self.path = path
    self.frontMatter = frontMatter
    self.zones = zones
    self.includes = includes
    self.headings = headings
    self.links = links
    self.anchors = anchors
    self.codeBlocks = codeBlocks
    self.comments = comments
    self.images = images
    self.codeReferences = codeReferences
    self.alerts = alerts
    self.sections = sections
    self.videos = videos
    self.tabs = tabs
    self.lineCount = lineCount
    self.diagnostics = diagnostics
  }

  /// Every bookmark id on this file: heading ids and HTML anchors.
  public var bookmarks: Set<String> {
    var ids = Set(headings.map(\.id))
    for anchor in anchors { ids.insert(anchor.id) }
    return ids
  }

  /// The zone holding a line, if any.
  public func zoneIndex(containing line: Int) -> Int? {
    zones.firstIndex { zone in
      line > zone.line && line < (zone.endLine ?? Int.max)
    }
  }
}

extension Page: Encodable {
  private enum CodingKeys: String, CodingKey {
    case path, frontMatter, zones, includes, headings, links, anchors, codeBlocks, comments
    case images, codeReferences, alerts, sections, videos, tabs, lineCount, diagnostics
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
    try container.encode(lineCount, forKey: .lineCount)
    try container.encode(diagnostics, forKey: .diagnostics)
  }
}
