import DocModel
import DocSite

/// A fenced block that shows a scenario's console output, in the file that holds it.
public struct TranscriptBlock: Sendable, Hashable, Codable {
  /// The scenario whose output it shows; `""` for an Innovation Engine result block no
  /// scenario is bound to (listed, checked statically, not compared).
  public var scenario: String
  /// The file holding the block (a page or an include), relative to the root.
  public var file: String
  /// The opening fence's line.
  public var line: Int
  /// The closing fence's line.
  public var endLine: Int
  public var text: String
  /// The marker comment's line, or `nil` when a `transcripts:` selector found it.
  public var markerLine: Int?
  /// For an Innovation Engine result block: what it expects of the output (compared as
  /// `ie test` compares, not line by line).
  public var expectation: ResultExpectation?
  /// For an Innovation Engine result block: the line of the command block it answers.
  public var answers: Int?
  /// The block's language (`json` result blocks are compared as JSON).
  public var language: String?
}

/// A transcript block as a reader sees it: on a page, for some pivots, in a locale.
public struct TranscriptOccurrence: Sendable, Hashable, Codable {
  public var block: TranscriptBlock
  public var page: String
  /// The pivots it is shown for; empty when shown for every pivot.
  public var pivots: [String]
  public var locale: String
}

/// Every transcript of a site, and what was wrong with the markers.
public struct TranscriptDiscovery: Sendable {
  public var blocks: [TranscriptBlock]
  public var occurrences: [TranscriptOccurrence]
  public var diagnostics: [Diagnostic]
}

extension TranscriptDiscovery {
  /// The opening-fence lines of the blocks, by file (what translations are compared on).
  public var lines: [String: Set<Int>] {
    Dictionary(blocks.map { ($0.file, [$0.line] as Set<Int>) }, uniquingKeysWith: { $0.union($1) })
  }
}

extension TranscriptFinder {
  /// The opening-fence lines of the site's transcript blocks, by file.
  @Sendable public static func lines(in site: Site) -> [String: Set<Int>] {
    find(in: site).lines
  }
}

/// Finds transcripts: a fenced block right after `<!-- docproof: transcript SCENARIO -->`,
/// or one that a `transcripts:` selector of `docproof.yml` picks out (by file glob, info
/// string, the paragraph before it, its own text), and Innovation Engine's result blocks
/// (after `<!-- expected_similarity=... -->`), bound to a scenario or not.
public enum TranscriptFinder {
  public static func find(in site: Site) -> TranscriptDiscovery {
    let configuration = site.configuration
    let scenarios = Set(configuration.scenarios.map(\.name))
    var blocks: [TranscriptBlock] = []
    var diagnostics: [Diagnostic] = []
    for (path, page) in site.parsedFiles {
      var taken: Set<Int> = []
      var results: [Int: ResultBlock] = [:]
      if page.comments.contains(where: { $0.text.contains("expected_similarity") }) {
        let found = ResultBlockFinder.find(in: page, path: path)
        diagnostics += found.diagnostics
        for result in found.results { results[result.line] = result }
      }
      func transcript(_ scenario: String, _ block: CodeBlock, marker: Int?) -> TranscriptBlock {
        let result = results[block.line]
        return TranscriptBlock(
          scenario: scenario, file: path, line: block.line, endLine: block.endLine,
          text: block.text, markerLine: marker,
          expectation: result?.expectation, answers: result?.commandLine,
          language: result == nil ? nil : block.language)
      }
      for comment in page.comments {
        guard let marker = Marker.parse(comment.text), marker.kind == "transcript" else { continue }
        guard !marker.argument.isEmpty else {
          diagnostics.append(
            invalid(
              path, comment,
              "transcript marker without a scenario name: write '<!-- docproof: transcript NAME -->'"
            ))
          continue
        }
        guard let block = page.fencedBlock(after: comment) else {
          diagnostics.append(
            invalid(
              path, comment,
              "transcript marker '\(marker.argument)' is not followed by a fenced code block",
              notes: ["put the ``` block right after the comment (blank lines are fine)"]))
          continue
        }
        if !scenarios.contains(marker.argument) {
          var notes = ["scenarios are defined under 'scenarios:' in docproof.yml"]
          if let suggestion = Suggestion.closest(to: marker.argument, in: scenarios.sorted()) {
            notes.insert("did you mean '\(suggestion)'?", at: 0)
          }
          diagnostics.append(
            invalid(
              path, comment, "transcript marker names unknown scenario '\(marker.argument)'",
              notes: notes))
          continue
        }
        taken.insert(block.line)
        blocks.append(transcript(marker.argument, block, marker: comment.line))
      }
      for selector in configuration.transcriptSelectors where Glob(selector.files).matches(path) {
        let lead = selector.lead.flatMap { try? Regex($0) }
        let contains = selector.contains.flatMap { try? Regex($0) }
        for block in page.codeBlocks where block.fenced && !taken.contains(block.line) {
          if let info = selector.info, block.language != info { continue }
          if let lead, block.lead.map({ $0.contains(lead) }) != true { continue }
          if let contains, !block.text.contains(contains) { continue }
          taken.insert(block.line)
          blocks.append(transcript(selector.scenario, block, marker: nil))
        }
      }
      // Result blocks no scenario is bound to: listed, and checked statically only.
      for block in page.codeBlocks where results[block.line] != nil && !taken.contains(block.line) {
        blocks.append(transcript("", block, marker: nil))
      }
    }

    var occurrences: [TranscriptOccurrence] = []
    let byFile = Dictionary(grouping: blocks, by: \.file)
    // Only the pages that show a file with a transcript: on most trees a few of thousands.
    let showing = Set(byFile.keys.flatMap { site.includes.pages(showing: $0) })
    for page in showing.sorted() where site.files[page] != nil && !site.includes.isInclude(page) {
      let contexts = PivotContexts.contexts(from: page, site: site)
      let locale = site.locale(of: page).name
      for (file, pivotSets) in contexts.sorted(by: { $0.key < $1.key }) {
        for block in byFile[file] ?? [] {
          let zone = site.files[file].flatMap {
            $0.codeBlocks.first { $0.line == block.line }?.zone
          }
          let own = zone.flatMap { site.files[file]?.zones[$0].pivots }.flatMap {
            $0.isEmpty ? nil : Set($0)
          }
          var seen: Set<[String]> = []
          for context in pivotSets {
            let pivots = PivotContexts.combine(context, own).map { $0.sorted() } ?? []
            guard seen.insert(pivots).inserted else { continue }
            occurrences.append(
              TranscriptOccurrence(block: block, page: page, pivots: pivots, locale: locale))
          }
        }
      }
    }
    return TranscriptDiscovery(blocks: blocks, occurrences: occurrences, diagnostics: diagnostics)
  }

  private static func invalid(
    _ path: String, _ comment: Comment, _ message: String, notes: [String] = []
  )
    -> Diagnostic
  {
    TranscriptMarkerInvalid.finding(
      path, line: comment.line,
      column: comment.column, message, notes: notes)
  }
}

/// Which pivots each file a page shows is visible under.
enum PivotContexts {
  /// For every file the page shows (itself included), the pivot sets it appears under
  /// (`nil`: every pivot). Zones on the way in narrow the set.
  static func contexts(from page: String, site: Site) -> [String: Set<Set<String>?>] {
    var result: [String: Set<Set<String>?>] = [page: [nil]]
    var stack: [(String, Set<String>?)] = [(page, nil)]
    var visited: Set<String> = []
    while let (file, context) = stack.popLast() {
      let key = file + "\u{0}" + (context?.sorted().joined(separator: ",") ?? "*")
      guard visited.insert(key).inserted else { continue }
      guard let model = site.files[file] else { continue }
      for edge in site.includes.edges(of: file) {
        guard let target = edge.resolution.target else { continue }
        let zone = edge.include.zone.flatMap { model.zones[$0].pivots }.flatMap {
          $0.isEmpty ? nil : Set($0)
        }
        let inner = combine(context, zone)
        result[target, default: []].insert(inner)
        stack.append((target, inner))
      }
    }
    return result
  }

  /// Content inside both is shown for the pivots both allow.
  static func combine(_ outer: Set<String>?, _ inner: Set<String>?) -> Set<String>? {
    guard let outer else { return inner }
    guard let inner else { return outer }
    return outer.intersection(inner)
  }
}
