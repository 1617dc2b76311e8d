import DocModel
import DocSite

/// Code blocks that look like a program's output but are bound to no scenario: what
/// `docproof init` offers as `transcripts:` selectors.
public struct TranscriptCandidate: Sendable, Hashable {
  /// Why the block looks like output.
  public enum Kind: Sendable, Hashable {
    /// Its info string says so (```output, ```console).
    case outputBlock
    /// The paragraph before it announces output ("The output is similar to:").
    case afterOutputParagraph
    /// An Innovation Engine result block (after `<!-- expected_similarity=... -->`).
    case resultBlock
  }

  public var file: String
  public var line: Int
  public var language: String
  public var kind: Kind

  public init(file: String, line: Int, language: String, kind: Kind) {
    self.file = file
    self.line = line
    self.language = language
    self.kind = kind
  }
}

/// A group of candidates that one selector binds: same info string, same folder.
public struct CandidateGroup: Sendable, Hashable {
  /// The glob over the files holding them (`articles/aks/**`, or one file).
  public var files: String
  public var language: String
  /// Whether every block in the group follows a paragraph that announces output, so that
  /// the selector can require it (`lead:`).
  public var afterOutputParagraph: Bool
  public var resultBlocks: Int
  public var candidates: [TranscriptCandidate]
}

extension TranscriptCandidate {
  /// The paragraph before a block announces output: "The output is similar to:",
  /// "You see:", "prints the following:", ending with a colon. The `lead:` of the
  /// selectors `init` writes.
  public static let announcesOutput =
    #"(?i)\b(output|result|response|you (should )?see|prints?|displays?|returns?|looks? like|similar to)\b[^.]*:\s*$"#

  /// Info strings that show output rather than code.
  static let outputLanguages: Set<String> = ["output", "console", "text", "txt", "plaintext"]

  /// Every candidate in the site's source locale (translations show the same blocks), in
  /// path and line order.
  public static func find(in site: Site) -> [TranscriptCandidate] {
    let bound = Set(
      TranscriptFinder.find(in: site).blocks.filter { !$0.scenario.isEmpty }.map {
        "\($0.file):\($0.line)"
      })
    // A constant pattern: it compiles (a test writes and reads it back).
    guard let announces = try? Regex(announcesOutput) else { return [] }
    var found: [TranscriptCandidate] = []
    for (path, page) in site.parsedFiles where site.locale(of: path).isSource {
      let results: Set<Int> =
        page.comments.contains { $0.text.contains("expected_similarity") }
        ? Set(ResultBlockFinder.find(in: page, path: path).results.map(\.line)) : []
      for block in page.codeBlocks where block.fenced && !bound.contains("\(path):\(block.line)") {
        let language = block.language.lowercased()
        let kind: Kind
        if results.contains(block.line) {
          kind = .resultBlock
        } else if let lead = block.lead, lead.contains(announces),
          outputLanguages.contains(language) || language.isEmpty || language == "json"
        {
          kind = .afterOutputParagraph
        } else if language == "output" {
          kind = .outputBlock
        } else {
          continue
        }
        found.append(
          TranscriptCandidate(file: path, line: block.line, language: language, kind: kind))
      }
    }
    return found.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
  }

  /// The candidates grouped as selectors would take them: by info string and by folder
  /// (two levels below the locale), largest group first. With locale folders side by side
  /// (`localeFolder` is the source's), the glob names every locale's copy (`*/...`), so that
  /// the translations' blocks are bound as the source's are.
  public static func groups(_ candidates: [TranscriptCandidate], localeFolder: String = "")
    -> [CandidateGroup]
  {
    let prefix = localeFolder.isEmpty ? "" : localeFolder + "/"
    func inLocale(_ file: String) -> String {
      file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
    let anyLocale = localeFolder.isEmpty ? "" : "*/"
    let grouped = Dictionary(grouping: candidates) { candidate -> String in
      let folders = inLocale(candidate.file).split(separator: "/").dropLast().prefix(2)
      return candidate.language + "\u{0}" + folders.joined(separator: "/")
    }
    return grouped.map { key, members in
      let folder = String(key.split(separator: "\u{0}", omittingEmptySubsequences: false)[1])
      let files = Set(members.map { inLocale($0.file) })
      let glob = files.count == 1 ? files.first! : folder.isEmpty ? "*" : folder + "/**"
      return CandidateGroup(
        files: anyLocale + glob,
        language: members[0].language,
        afterOutputParagraph: members.allSatisfy { $0.kind == .afterOutputParagraph },
        resultBlocks: members.filter { $0.kind == .resultBlock }.count,
        candidates: members)
    }.sorted {
      ($1.candidates.count, $0.files, $0.language) < ($0.candidates.count, $1.files, $1.language)
    }
  }
}
