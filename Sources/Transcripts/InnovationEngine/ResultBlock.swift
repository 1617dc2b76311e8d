import DocModel
import Foundation

/// What an Innovation Engine result block expects of its command's output.
public enum ResultExpectation: Sendable, Hashable, Codable {
  /// `<!-- expected_similarity=0.8 -->`: at least this similar (0 to 1).
  case similarity(Double)
  /// `<!-- expected_similarity="REGEX" -->`: the output holds a match.
  case regex(String)

  /// As the marker writes it.
  public var written: String {
    switch self {
    case .similarity(let value): "expected_similarity=\(value)"
    case .regex(let pattern): "expected_similarity=\"\(pattern)\""
    }
  }

  /// Whether an output meets it; `json`: the block is a `json` block (compared as JSON).
  /// The score is the similarity found (none for a regular expression).
  public func evaluate(expected: String, output: String, json: Bool) -> (
    passes: Bool, score: Double?
  ) {
    switch self {
    case .regex(let pattern):
      guard let regex = try? Regex(pattern) else { return (false, nil) }
      return (output.contains(regex), nil)
    case .similarity(let threshold):
      if json {
        guard let actual = Similarity.canonicalJSON(output),
          let wanted = Similarity.canonicalJSON(expected)
        else { return (false, 0) }
        let score = Similarity.jaro(Array(actual.utf8), Array(wanted.utf8))
        return (score >= threshold, score)
      }
      let score = Similarity.jaroWinkler(Array(expected.utf8), Array(output.utf8))
      return (score >= threshold, score)
    }
  }
}

/// An Innovation Engine result block: the fenced block after an `expected_similarity`
/// marker, and the executable block whose output it shows.
public struct ResultBlock: Sendable, Hashable {
  public var file: String
  /// The result block's opening fence line.
  public var line: Int
  public var expectation: ResultExpectation
  /// The executable block it answers (its opening fence line).
  public var commandLine: Int
}

/// Reads a page as Innovation Engine does (`internal/parsers/markdown.go`): `bash` blocks,
/// and `azurecli`, `azurecli-interactive` and `terraform` blocks, are commands; an
/// `expected_similarity` marker makes the next fenced block that is not `bash` the expected
/// output of the last command. Where `ie` silently drops a marker, docproof reports it.
public enum ResultBlockFinder {
  static let commandLanguages: Set<String> = [
    "bash", "azurecli", "azurecli-interactive", "terraform",
  ]

  /// The marker's value: a number, or a quoted regular expression; `nil` for any other
  /// comment. A marker that is malformed is returned as a finding's message.
  static func parseMarker(_ comment: String) -> Result<ResultExpectation, MarkerProblem>? {
    let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("expected_similarity") else { return nil }
    var rest = text.dropFirst("expected_similarity".count).drop(while: { $0 == " " || $0 == "\t" })
    guard rest.first == "=" else {
      return .failure(
        MarkerProblem("write 'expected_similarity=' with a number or a quoted regular expression"))
    }
    rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
    let value = String(rest).trimmingCharacters(in: .whitespacesAndNewlines)
    if value.hasPrefix("\"") {
      guard value.count >= 2, value.hasSuffix("\"") else {
        return .failure(MarkerProblem("the regular expression's closing quote is missing"))
      }
      let pattern = String(value.dropFirst().dropLast())
      guard !pattern.isEmpty else {
        return .failure(
          MarkerProblem(
            "the regular expression is empty: Innovation Engine stops reading the page here"))
      }
      do {
        _ = try Regex(pattern)
      } catch {
        return .failure(
          MarkerProblem(
            "'\(pattern)' is not a regular expression that compiles: Innovation Engine stops reading the page here"
          ))
      }
      return .success(.regex(pattern))
    }
    // Innovation Engine reads `\d+\.?\d*`: `.8` is not a number to it.
    guard let first = value.first, first.isASCII, first.isNumber,
      value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      value.filter({ $0 == "." }).count <= 1, let number = Double(value)
    else {
      return .failure(
        MarkerProblem(
          "'\(value)' is not a similarity Innovation Engine reads: write a number from 0 to 1 such as 0.8, or a quoted regular expression"
        ))
    }
    guard (0...1).contains(number) else {
      return .failure(
        MarkerProblem(
          "expected_similarity=\(value) is outside 0 to 1: a similarity above 1 never passes, so the step always fails"
        ))
    }
    return .success(.similarity(number))
  }

  /// Why a marker cannot be used.
  struct MarkerProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  /// The result blocks of a page, and what is wrong with its markers.
  public static func find(in page: Page, path: String) -> (
    results: [ResultBlock], diagnostics: [Diagnostic]
  ) {
    enum Item {
      case comment(Comment)
      case block(CodeBlock)
      var line: Int {
        switch self {
        case .comment(let comment): comment.line
        case .block(let block): block.line
        }
      }
    }
    let items = (page.comments.map(Item.comment) + page.codeBlocks.filter(\.fenced).map(Item.block))
      .sorted { $0.line < $1.line }
    var results: [ResultBlock] = []
    var diagnostics: [Diagnostic] = []
    var lastCommand: CodeBlock?
    var pending: (comment: Comment, expectation: ResultExpectation)?
    func report(_ line: Int, _ column: Int, _ message: String, notes: [String] = []) {
      diagnostics.append(
        ResultBlockInvalid.finding(
          path, line: line, column: column,
          message, notes: notes))
    }
    for item in items {
      switch item {
      case .comment(let comment):
        guard let parsed = parseMarker(comment.text) else { continue }
        switch parsed {
        case .failure(let problem):
          report(comment.line, comment.column, problem.message)
        case .success(let expectation):
          if let earlier = pending {
            report(
              earlier.comment.line, earlier.comment.column,
              "this expected_similarity marker is followed by another marker, not by a result block"
            )
          }
          pending = (comment, expectation)
        }
      case .block(let block):
        if block.language == "bash" {
          lastCommand = block
          continue
        }
        if let marker = pending {
          pending = nil
          guard let command = lastCommand else {
            report(
              block.line, 1,
              "this result block answers no command: no bash, azurecli or terraform block comes before it",
              notes: ["Innovation Engine attaches it to the first command after it, or to none"])
            continue
          }
          if case .similarity = marker.expectation, block.language.lowercased() == "json",
            Similarity.canonicalJSON(block.text) == nil
          {
            report(
              block.line, 1,
              "this json result block is not a JSON object: Innovation Engine fails the step whatever the output"
            )
          }
          results.append(
            ResultBlock(
              file: path, line: block.line, expectation: marker.expectation,
              commandLine: command.line))
          continue
        }
        if commandLanguages.contains(block.language) { lastCommand = block }
      }
    }
    if let marker = pending {
      report(
        marker.comment.line, marker.comment.column,
        "this expected_similarity marker is not followed by a fenced result block",
        notes: ["Innovation Engine drops it: the command's output is not compared"])
    }
    return (results, diagnostics)
  }
}
