import DocModel
import DocSite
import Foundation

/// `check --fix`: rewrites drifting transcripts from their golden files and drifting
/// snippets from their sources, atomically, file by file.
public enum Fixer {
  /// One block that was rewritten.
  public struct Change: Sendable {
    public var file: String
    public var line: Int
    public var what: String
    public var diff: String
  }

  /// What `fix` would change, without writing anything (`--fix --dry-run`).
  public static func plan(
    site: Site, transcripts: [(block: TranscriptBlock, golden: String)], snippets: [SnippetBlock]
  ) -> [Change] {
    let edits = edits(site: site, transcripts: transcripts, snippets: snippets)
    return edits.keys.sorted().flatMap { file in
      uniqueEdits(edits[file]!).map(\.1).sorted { $0.line < $1.line }
    }
  }

  /// Applies the fixes; returns what changed and the findings that could not be fixed.
  public static func fix(
    site: Site, transcripts: [(block: TranscriptBlock, golden: String)], snippets: [SnippetBlock]
  ) -> (changes: [Change], failures: [Diagnostic]) {
    let edits = edits(site: site, transcripts: transcripts, snippets: snippets)
    let temporary = CacheDirectory.temporaryFolder(realRoot: site.tree.realRoot)
    var changes: [Change] = []
    var failures: [Diagnostic] = []
    for file in edits.keys.sorted() {
      let unique = uniqueEdits(edits[file]!)
      let absolute = site.tree.absolute(file)
      do {
        let bytes = try FileReader.read(absolute)
        let rewritten = try BlockRewriter.apply(unique.map(\.0), to: bytes)
        try AtomicFile.write(Data(rewritten), to: absolute, temporaryFolder: temporary)
        changes += unique.map(\.1).sorted { $0.line < $1.line }
      } catch {
        failures.append(
          TranscriptDrift.finding(
            file, line: 1,
            "cannot fix this file: \(error)"))
      }
    }
    return (changes, failures)
  }

  /// A block shown under several pages is one edit.
  private static func uniqueEdits(_ list: [(BlockRewriter.Edit, Change)])
    -> [(BlockRewriter.Edit, Change)]
  {
    var unique: [Int: (BlockRewriter.Edit, Change)] = [:]
    for entry in list { unique[entry.0.line] = entry }
    return Array(unique.values)
  }

  /// The edits each file needs.
  private static func edits(
    site: Site, transcripts: [(block: TranscriptBlock, golden: String)], snippets: [SnippetBlock]
  ) -> [String: [(BlockRewriter.Edit, Change)]] {
    let normalizer = Normalizer(configuration: site.configuration)
    var edits: [String: [(BlockRewriter.Edit, Change)]] = [:]
    for (block, golden) in transcripts {
      let fixed = TranscriptFixer.fixedText(
        page: block.text, golden: golden, normalizer: normalizer)
      guard fixed != block.text else { continue }
      let change = Change(
        file: block.file, line: block.line, what: "transcript of '\(block.scenario)'",
        diff: diff(block.text, fixed, label: block.file, start: block.line + 1))
      edits[block.file, default: []].append(
        (BlockRewriter.Edit(line: block.line, endLine: block.endLine, content: fixed), change))
    }
    for snippet in snippets {
      guard let expected = snippet.expected else { continue }
      let change = Change(
        file: snippet.file, line: snippet.line, what: "snippet of '\(snippet.source)'",
        diff: diff(snippet.text, expected, label: snippet.file, start: snippet.line + 1))
      edits[snippet.file, default: []].append(
        (
          BlockRewriter.Edit(line: snippet.line, endLine: snippet.endLine, content: expected),
          change
        ))
    }
    return edits
  }

  private static func diff(_ old: String, _ new: String, label: String, start: Int) -> String {
    UnifiedDiff(old: Normalizer.lines(of: old), new: Normalizer.lines(of: new))
      .render(oldLabel: label, newLabel: label + " (fixed)", oldStart: start, newStart: start)
  }
}
