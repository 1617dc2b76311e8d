import Algorithms
import CCmarkGFM

/// Parses one Markdown file into a `Page`: front matter with Yams, Markdown with cmark-gfm,
/// DocFX's extensions with `DirectiveScanner`, HTML anchors with libxml2.
///
/// Parsing never fails: whatever is wrong with the file becomes a finding on the page.
public enum PageParser {
  /// Parses a file's bytes; `path` is only used to label findings.
  public static func parse<Bytes: Collection>(bytes: Bytes, path: String) -> Page
  where Bytes.Element == UInt8 {
    parse(SourceText(bytes: bytes), path: path)
  }

  /// Parses already decoded source text.
  public static func parse(_ source: SourceText, path: String) -> Page {
    var diagnostics: [Diagnostic] = []
    if let problem = source.encodingProblem {
      switch problem.kind {
      case .binary:
        return Page(
          path: path, lineCount: source.lineCount, isBinary: true,
          diagnostics: [
            InvalidEncoding.binary.at(
              path, line: problem.position.line, column: problem.position.column)
          ])
      case .invalidUTF8:
        diagnostics.append(
          InvalidEncoding.invalidUTF8.at(
            path, line: problem.position.line, column: problem.position.column))
      }
    }

    let front = FrontMatterParser.parse(source, path: path)
    diagnostics += front.diagnostics
    var body = source.bytes
    var firstBodyLine = 1
    if let end = front.frontMatter.endLine {
      // Blank the front matter so that cmark's line numbers stay those of the file.
      for line in 1...end {
        for offset in source.lineStarts[line - 1]..<source.lineEnds[line - 1] {
          body[offset] = 0x20
        }
      }
      firstBodyLine = end + 1
    }

    let document = CmarkDocument(bytes: body)
    var collector = MarkdownCollector(source: source, path: path)
    collector.collect(CmarkNode(pointer: document.root))

    let directives = DirectiveScanner.scan(
      DirectiveScanner.Input(
        source: source, path: path, firstLine: firstBodyLine,
        skippedLines: collector.skippedLines, containerIndent: collector.containerIndent,
        codeSpans: collector.codeSpans))
    diagnostics += directives.diagnostics
    diagnostics += collector.diagnostics

    // Links that DocFX reads as part of a directive (an include's path) are not links.
    let directiveSpans = directives.spans.mapValues(OffsetRanges.init)
    let links = collector.links.filter { link in
      guard let spans = directiveSpans[link.link.line] else { return true }
      return !spans.contains(link.offset)
    }

    let zones = ZoneLocator(zones: directives.zones)
    return Page(
      path: path, frontMatter: front.frontMatter, zones: directives.zones,
      includes: zones.assign(directives.includes),
      headings: zones.assign(collector.headings),
      links: zones.assign(links.map { $0.link }),
      anchors: zones.assign(collector.anchors),
      codeBlocks: zones.assign(collector.codeBlocks),
      comments: collector.comments,
      images: zones.assign(directives.images),
      codeReferences: zones.assign(directives.codeReferences),
      alerts: directives.alerts, sections: directives.sections, videos: directives.videos,
      tabs: collector.tabs, monikers: directives.monikers, lineCount: source.lineCount,
      diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder))
  }
}

/// Byte ranges that answer whether any of them holds an offset by binary search: testing
/// every range for every link was quadratic in a line of many directives and links.
struct OffsetRanges {
  /// Lower bounds, ascending.
  private let lowerBounds: [Int]
  /// For each range in that order, the largest upper bound up to and including it.
  private let reach: [Int]

  init(_ ranges: [Range<Int>]) {
    let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
    lowerBounds = sorted.map(\.lowerBound)
    var farthest = Int.min
    reach = sorted.map { range in
      farthest = max(farthest, range.upperBound)
      return farthest
    }
  }

  /// Whether any range contains the offset.
  func contains(_ offset: Int) -> Bool {
    // The number of ranges that start at or before the offset.
    let starting = lowerBounds.partitioningIndex { $0 > offset }
    return starting > 0 && reach[starting - 1] > offset
  }
}
