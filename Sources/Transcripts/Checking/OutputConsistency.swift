import DocModel
import DocSite

/// `program-output-drift`: a program shown on a page and the transcript shown after it must
/// agree, whether or not docproof runs the program. Each output statement becomes a line
/// pattern (literal text exact, values as wildcards); a transcript line that no statement
/// can print, or prints in another order, and a statement whose text no transcript shows,
/// are findings. A statement and the transcript line it was surely meant to print make one
/// finding, at the statement, with the line as the did-you-mean.
public enum OutputConsistency {
  /// A program and the transcripts that show its output.
  public struct Pairing: Sendable {
    public var file: String
    public var language: ProgramLanguage
    /// The code blocks of the program, in order.
    public var blocks: [CodeBlock]
    public var transcripts: [TranscriptBlock]
  }

  public struct Result: Sendable {
    public var diagnostics: [Diagnostic]
    /// How many programs were compared with their transcripts.
    public var programsChecked: Int
    /// How many of them agree with every transcript after them.
    public var programsAgreeing: Int
    /// The programs and their transcripts (the syntax check compiles the same programs).
    public var pairings: [Pairing]
  }

  public static func check(_ site: Site, discovery: TranscriptDiscovery) -> Result {
    let pairings = pairings(site, discovery: discovery)
    var diagnostics: [Diagnostic] = []
    var agreeing = 0
    for pairing in pairings {
      let found = check(pairing, display: site.displayPath)
      if found.isEmpty { agreeing += 1 }
      diagnostics += found
    }
    return Result(
      diagnostics: diagnostics, programsChecked: pairings.count, programsAgreeing: agreeing,
      pairings: pairings)
  }

  // MARK: Pairing

  /// Each transcript with the program before it in its file, under the same zone: the
  /// blocks marked `<!-- docproof: program LANGUAGE -->` when the file marks any, else
  /// every block in the language of the nearest program block above it. A shell block is
  /// a program of its own (the command the transcript shows the output of).
  public static func pairings(_ site: Site, discovery: TranscriptDiscovery) -> [Pairing] {
    var byProgram: [String: Pairing] = [:]
    let blocks = Dictionary(grouping: discovery.blocks, by: \.file)
    for (file, transcripts) in blocks {
      guard let page = site.files[file] else { continue }
      let marked = Set(
        page.comments.compactMap { comment -> Int? in
          guard let marker = Marker.parse(comment.text), marker.kind == "program" else {
            return nil
          }
          return page.fencedBlock(after: comment)?.line
        })
      for transcript in transcripts
      where transcript.expectation == nil && !transcript.scenario.isEmpty {
        let zone = page.codeBlocks.first { $0.line == transcript.line }?.zone
        let above = page.codeBlocks.filter {
          $0.fenced && $0.line < transcript.line && $0.zone == zone
            && (marked.isEmpty || marked.contains($0.line))
            && ProgramLanguage(infoString: $0.language) != nil
        }
        guard let nearest = above.last,
          let language = ProgramLanguage(infoString: nearest.language)
        else { continue }
        let program =
          language.printsOnlyThroughStatements
          ? above.filter { ProgramLanguage(infoString: $0.language) == language } : [nearest]
        let key = "\(file)\u{0}\(program[0].line)\u{0}\(language.rawValue)"
        byProgram[
          key, default: Pairing(file: file, language: language, blocks: program, transcripts: [])
        ]
        .transcripts.append(transcript)
      }
    }
    return byProgram.values.sorted { ($0.file, $0.blocks[0].line) < ($1.file, $1.blocks[0].line) }
  }

  // MARK: Comparing

  /// One line a program prints: its pieces and the statement's line in the file.
  struct PrintedLine {
    var pattern: [OutputPattern.Token]
    var pieces: [OutputPiece]
    var line: Int
    /// Nothing but a value: it may print any number of lines.
    var isValueOnly: Bool
    /// Enough literal text to tell it from another line.
    var hasText: Bool
  }

  /// The lines the statements print, statements without a line ending running on into
  /// the next one's.
  static func printedLines(_ statements: [(OutputStatement, line: Int)]) -> [PrintedLine] {
    var lines: [PrintedLine] = []
    var current: [OutputPiece] = []
    var currentLine: Int?
    func finish() {
      defer {
        current = []
        currentLine = nil
      }
      let trimmed = OutputPattern.trimmed(current)
      guard let line = currentLine, !trimmed.isEmpty else { return }
      let text = trimmed.compactMap { piece -> String? in
        if case .text(let text) = piece { return text }
        return nil
      }.joined()
      lines.append(
        PrintedLine(
          pattern: OutputPattern.tokens(trimmed), pieces: trimmed, line: line,
          isValueOnly: trimmed == [.value],
          hasText: text.filter(\.isLetter).count >= 3))
    }
    // A printed line belongs to the statement that prints its first character.
    for (statement, line) in statements {
      for piece in statement.pieces {
        guard case .text(let text) = piece, text.contains("\n") else {
          if currentLine == nil { currentLine = line }
          current.append(piece)
          continue
        }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
          if index > 0 { finish() }
          if !part.isEmpty, currentLine == nil { currentLine = line }
          current.append(.text(String(part)))
        }
      }
    }
    finish()
    return lines
  }

  /// A transcript line the program cannot print where it stands.
  struct TranscriptProblem {
    var transcript: TranscriptBlock
    var line: Int
    var text: String
    /// Printed by no statement at all, rather than in another place.
    var unprintable: Bool
  }

  /// The findings on one program; `display` turns a path into the one notes show.
  static func check(_ pairing: Pairing, display: (String) -> String = { $0 }) -> [Diagnostic] {
    var main: [(OutputStatement, line: Int)] = []
    var other: [(OutputStatement, line: Int)] = []
    var hasLoop = false
    for block in pairing.blocks {
      // A fenced block's text starts on the line after its fence.
      for statement in OutputStatementExtractor.statements(
        in: block.text, language: pairing.language)
      {
        let entry = (statement, line: block.line + statement.line)
        if statement.toStandardError || statement.inErrorHandler {
          other.append(entry)
        } else {
          main.append(entry)
        }
      }
      if OutputStatementExtractor.hasLoop(in: block.text, language: pairing.language) {
        hasLoop = true
      }
    }
    let printed = printedLines(main)
    guard !printed.isEmpty else { return [] }
    let elsewhere = other.flatMap { printedLines([$0]) }
    let program = "\(display(pairing.file)):\(pairing.blocks[0].line)"
    var shownAnywhere = Set<Int>()
    var problems: [TranscriptProblem] = []
    // Lines only a value alone on its line can print: what a changed statement may have
    // been meant to print, too.
    var untextual: [TranscriptProblem] = []
    var elided = false
    for transcript in pairing.transcripts {
      let lines = OutputPattern.transcriptLines(transcript)
      let transcriptElides = lines.contains(where: \.isElision)
      if transcriptElides { elided = true }
      let shown = lines.filter { !$0.isElision }
      var printable: [Bool] = []
      for line in shown {
        var any = false
        var textual = false
        for (index, candidate) in printed.enumerated()
        where OutputPattern.matches(candidate.pattern, line.tokens) {
          shownAnywhere.insert(index)
          any = true
          if !candidate.isValueOnly { textual = true }
        }
        if any, !textual {
          untextual.append(
            TranscriptProblem(
              transcript: transcript, line: line.number, text: line.text, unprintable: false))
        }
        if !any { any = elsewhere.contains { OutputPattern.matches($0.pattern, line.tokens) } }
        printable.append(any)
        if !any, pairing.language.printsOnlyThroughStatements {
          problems.append(
            TranscriptProblem(
              transcript: transcript, line: line.number, text: line.text, unprintable: true))
        }
      }
      // In order, when no loop repeats lines and no line is left out.
      if pairing.language.printsOnlyThroughStatements, !hasLoop, !transcriptElides,
        let first = OutputPattern.outOfOrder(shown, printed).first(where: { printable[$0] })
      {
        problems.append(
          TranscriptProblem(
            transcript: transcript, line: shown[first].number, text: shown[first].text,
            unprintable: false))
      }
    }
    var findings: [Diagnostic] = []
    // Statements whose text no transcript shows, each with the transcript line it was
    // surely meant to print when there is one.
    var reported = Set<Int>()
    if !elided {
      let unshown = printed.indices.filter {
        printed[$0].hasText && !printed[$0].isValueOnly && !shownAnywhere.contains($0)
      }
      // One statement the transcript does not show and one line the program cannot print:
      // one change, however different the two read.
      let oneForOne = unshown.count == 1 && problems.count == 1
      for index in unshown {
        let line = printed[index]
        guard reported.insert(line.line).inserted else { continue }
        let shown = line.pieces.shown
        var message = "the program prints '\(shown)', which no transcript after it shows"
        var notes: [String] = []
        // The lines the program cannot print are few: a weaker likeness pairs them.
        if let closest = oneForOne
          ? problems.first?.text
          : OutputPattern.closest(to: line.pieces, in: problems.map(\.text), threshold: 0.6),
          let position = problems.firstIndex(where: { $0.text == closest })
        {
          let counterpart = problems.remove(at: position)
          message = "the program prints '\(shown)' where the transcript shows '\(counterpart.text)'"
          notes.append(
            "the transcript: \(display(counterpart.transcript.file)):\(counterpart.line)")
        } else if let closest = OutputPattern.closest(
          to: line.pieces, in: untextual.map(\.text), threshold: 0.6),
          let counterpart = untextual.first(where: { $0.text == closest })
        {
          message = "the program prints '\(shown)' where the transcript shows '\(counterpart.text)'"
          notes.append(
            "the transcript: \(display(counterpart.transcript.file)):\(counterpart.line)")
        } else if let nearest = OutputPattern.closest(
          to: line.pieces,
          in: pairing.transcripts.flatMap { OutputPattern.transcriptLines($0).map(\.text) },
          threshold: 0)
        {
          notes.append("did you mean '\(nearest)'?")
        }
        notes.append("change the program or the transcript so that they agree")
        findings.append(
          ProgramOutputDrift.finding(
            pairing.file, line: line.line,
            message, notes: notes))
      }
    }
    for problem in problems {
      var notes = ["the program: \(program)"]
      if let nearest = OutputPattern.closestPrinted(to: problem.text, in: printed.map(\.pieces)) {
        notes.insert("did you mean '\(nearest)'?", at: 0)
      }
      let message =
        problem.unprintable
        ? "no output statement of the program above prints '\(problem.text)'"
        : "the program above prints '\(problem.text)' elsewhere: no run shows the lines in this order"
      findings.append(
        ProgramOutputDrift.finding(
          problem.transcript.file,
          line: problem.line, message, notes: notes))
    }
    return findings.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
  }
}
