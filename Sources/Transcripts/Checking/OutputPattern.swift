/// Line patterns of what a program prints, and the transcript lines they are matched with.
enum OutputPattern {
  /// A character to match exactly, or a value (any text, also none).
  enum Token: Equatable {
    case character(Character)
    case any
  }

  /// A transcript line: its line in the file, its text, and its tokens (`[..]` is any
  /// text, as when transcripts are compared with a run).
  struct TranscriptLine {
    var number: Int
    var text: String
    var tokens: [Token]
    /// `...` on a line of its own: lines left out.
    var isElision: Bool
  }

  static func tokens(_ pieces: [OutputPiece]) -> [Token] {
    pieces.flatMap { piece -> [Token] in
      switch piece {
      case .text(let text): text.map(Token.character)
      case .value: [.any]
      }
    }
  }

  /// The pieces without the spaces at either end, as transcripts are compared.
  static func trimmed(_ pieces: [OutputPiece]) -> [OutputPiece] {
    var result = pieces.merged
    if case .text(let text)? = result.first {
      result[0] = .text(String(text.drop(while: \.isWhitespace)))
    }
    if case .text(let text)? = result.last {
      result[result.count - 1] = .text(
        String(text.reversed().drop(while: \.isWhitespace).reversed()))
    }
    return result.merged
  }

  static func transcriptLines(_ block: TranscriptBlock) -> [TranscriptLine] {
    var lines: [TranscriptLine] = []
    for (index, raw) in block.text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty else { continue }
      var tokens: [Token] = []
      var rest = Substring(text)
      while let first = rest.first {
        if rest.hasPrefix("[..]") {
          tokens.append(.any)
          rest = rest.dropFirst(4)
        } else {
          tokens.append(.character(first))
          rest = rest.dropFirst()
        }
      }
      lines.append(
        TranscriptLine(
          number: block.line + 1 + index, text: text, tokens: tokens,
          isElision: text == "..." || text == "…"))
    }
    return lines
  }

  /// Whether some text fits both: a value on either side stands for any text.
  static func matches(_ pattern: [Token], _ line: [Token]) -> Bool {
    // reachable[j]: the pattern's first i tokens and the line's first j can be matched.
    var reachable = [Bool](repeating: false, count: line.count + 1)
    reachable[0] = true
    for j in 0..<line.count where line[j] == .any { reachable[j + 1] = reachable[j] }
    for token in pattern {
      var next = [Bool](repeating: false, count: line.count + 1)
      for j in 0...line.count {
        switch token {
        case .any:
          // The value takes nothing, or one more character of the line.
          next[j] = reachable[j] || (j > 0 && next[j - 1])
        case .character(let character):
          if j > 0 {
            switch line[j - 1] {
            case .any: next[j] = reachable[j - 1] || reachable[j] || next[j - 1]
            case .character(let other): next[j] = other == character && reachable[j - 1]
            }
          }
        }
      }
      reachable = next
    }
    return reachable[line.count]
  }

  /// The transcript lines (their indices, in order) that a run printing the lines in
  /// program order cannot show where they are: a statement may be skipped, and a value
  /// alone on its line may print several lines, though not one that a statement with
  /// text prints (a value would not print a line the program writes out). Empty when all
  /// can.
  static func outOfOrder(
    _ shown: [TranscriptLine], _ printed: [OutputConsistency.PrintedLine]
  ) -> [Int] {
    let n = shown.count
    let m = printed.count
    guard n > 0, m > 0 else { return [] }
    var fit = [[Bool]](repeating: [Bool](repeating: false, count: m), count: n)
    var textual = [Bool](repeating: false, count: n)
    for i in 0..<n {
      for j in 0..<m {
        fit[i][j] = matches(printed[j].pattern, shown[i].tokens)
        if fit[i][j], !printed[j].isValueOnly { textual[i] = true }
      }
    }
    func absorbs(_ i: Int, _ j: Int) -> Bool {
      printed[j].isValueOnly && fit[i][j] && !textual[i]
    }
    // best[i][j]: the most of the first i transcript lines the first j printed lines show.
    var best = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in 1...n {
      for j in 1...m {
        var value = max(best[i][j - 1], best[i - 1][j])
        if fit[i - 1][j - 1] {
          value = max(value, best[i - 1][j - 1] + 1)
        }
        if absorbs(i - 1, j - 1) { value = max(value, best[i - 1][j] + 1) }
        best[i][j] = value
      }
    }
    guard best[n][m] < n else { return [] }
    // Walk back through a best alignment to the lines it leaves out, leaving out the
    // latest line where there is a choice: a changed statement leaves its line unmatched
    // rather than the lines after it.
    var i = n
    var j = m
    var left: [Int] = []
    while i > 0 {
      if best[i][j] == best[i - 1][j] {
        left.append(i - 1)
        i -= 1
      } else if j > 0, fit[i - 1][j - 1], best[i][j] == best[i - 1][j - 1] + 1 {
        i -= 1
        j -= 1
      } else if j > 0, absorbs(i - 1, j - 1), best[i][j] == best[i - 1][j] + 1 {
        i -= 1
      } else {
        j -= 1
      }
    }
    return left.reversed()
  }

  /// How alike a printed line and a transcript line read: Jaro-Winkler over the
  /// statement's text (values left out) and as much of the line.
  static func likeness(_ pieces: [OutputPiece], _ line: String) -> Double {
    var literal = ""
    for piece in pieces {
      guard case .text(let text) = piece else { break }
      literal += text
    }
    if literal.count < 3 { literal = pieces.shown }
    let a = Array(literal.utf8)
    let b = Array(line.utf8.prefix(max(a.count, 1)))
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    return Similarity.jaroWinkler(a, b)
  }

  /// The transcript line a printed line was most likely meant to match.
  static func closest(to pieces: [OutputPiece], in lines: [String], threshold: Double = 0.8)
    -> String?
  {
    let scored = lines.map { ($0, likeness(pieces, $0)) }.filter { $0.1 >= max(threshold, 0.6) }
    return scored.max { $0.1 < $1.1 }?.0
  }

  /// The printed line a transcript line most likely comes from, as a reader sees it.
  static func closestPrinted(to line: String, in printed: [[OutputPiece]]) -> String? {
    let scored = printed.map { ($0, likeness($0, line)) }.filter { $0.1 >= 0.6 }
    return scored.max { $0.1 < $1.1 }.map { $0.0.shown }
  }
}
