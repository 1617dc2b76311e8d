import Foundation
import Yams

/// Finds and parses the YAML front matter at the top of a page.
///
/// The block opens with a `---` line as the file's first line (after a BOM) and closes with
/// the next `---` or `...` line, as Markdig's YAML front matter extension reads it. YAML
/// problems become `front-matter-invalid` findings that carry the line in the file.
public enum FrontMatterParser {
  /// The outcome: the front matter (empty when absent) and what was wrong with it.
  public struct Result: Sendable {
    public var frontMatter: FrontMatter
    public var diagnostics: [Diagnostic]
  }

  public static func parse(_ source: SourceText, path: String) -> Result {
    guard source.lineCount >= 1, isFence(source.lineBytes(1), allowDots: false) else {
      return Result(frontMatter: FrontMatter(), diagnostics: [])
    }
    var closing: Int?
    var line = 2
    while line <= source.lineCount {
      if isFence(source.lineBytes(line), allowDots: true) {
        closing = line
        break
      }
      line += 1
    }
    guard let closing else {
      return Result(
        frontMatter: FrontMatter(),
        diagnostics: [FrontMatterInvalid.neverClosed.at(path, line: 1)])
    }

    let yamlStart = source.lineCount >= 2 ? source.lineStarts[1] : source.bytes.count
    let yamlEnd = source.lineStarts[closing - 1]
    let yaml = String(decoding: source.bytes[min(yamlStart, yamlEnd)..<yamlEnd], as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    let entries = parseYAML(yaml, lineOffset: 1, path: path, diagnostics: &diagnostics)
    return Result(
      frontMatter: FrontMatter(entries: entries ?? [], startLine: 1, endLine: closing),
      diagnostics: diagnostics)
  }

  /// Parses YAML text whose first line is file line `lineOffset + 1`.
  static func parseYAML(
    _ yaml: String, lineOffset: Int, path: String, diagnostics: inout [Diagnostic]
  ) -> [YAMLEntry]? {
    // libyaml (YAML 1.1) also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR,
    // which YAML 1.2 and the page's own line count do not: its line numbers would run past
    // the block. In a scalar YAML 1.1 folds such a break to a space anyway.
    func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
    // Rebuilt only when it holds one (rarely): every page's front matter comes through here.
    var text =
      yaml.unicodeScalars.contains(where: breaksLine)
      ? String(String.UnicodeScalarView(yaml.unicodeScalars.map { breaksLine($0) ? " " : $0 }))
      : yaml
    // Duplicated top-level keys: report each, keep the first, and parse the rest.
    for _ in 0..<8 {
      do {
        // The basic resolver leaves plain scalars untyped: `scalarValue` types them, sparing
        // most of them the default resolver's regular expressions. Composing never asks the
        // constructor (only converting nodes to Swift values does), and Yams' `.default`
        // builds its three tables of closures anew on each use: an empty one is enough.
        guard let node = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
        else { return [] }
        guard case .mapping(let mapping) = node else {
          diagnostics.append(
            FrontMatterInvalid.notAMapping(describe(node)).at(
              path, line: lineOffset + (node.mark?.line ?? 1), column: node.mark?.column ?? 1))
          return nil
        }
        var budget = maximumValues
        return try mapping.map { key, value in
          YAMLEntry(
            key: key.string ?? "", value: try convert(value, budget: &budget),
            line: lineOffset + (key.mark?.line ?? 1), scalarSource: value.scalar?.string)
        }
      } catch is TooManyValues {
        diagnostics.append(
          FrontMatterInvalid.tooManyValues(limit: maximumValues).at(path, line: lineOffset + 1))
        return nil
      } catch let YamlError.duplicatedKeysInMapping(duplicates, _) {
        guard let (repaired, found) = removeLaterDuplicates(of: duplicates, in: text) else {
          diagnostics.append(
            FrontMatterInvalid.repeatedKeys(duplicates).at(path, line: lineOffset + 1))
          return nil
        }
        for (key, firstLine, repeatLine) in found {
          diagnostics.append(
            FrontMatterInvalid.repeatedKey(key, firstLine: lineOffset + firstLine).at(
              path, line: lineOffset + repeatLine))
        }
        text = repaired
      } catch let error as YamlError {
        let (problem, mark) = describe(error)
        diagnostics.append(
          FrontMatterInvalid.notYAML(problem).at(
            path, line: lineOffset + (mark?.line ?? 1), column: mark?.column ?? 1))
        return nil
      } catch {
        diagnostics.append(
          FrontMatterInvalid.notYAML("\(error)").at(path, line: lineOffset + 1))
        return nil
      }
    }
    return nil
  }

  private static func isFence(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
    var trimmed = line
    while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed.removeLast() }
    if trimmed.elementsEqual("---".utf8) { return true }
    return allowDots && trimmed.elementsEqual("...".utf8)
  }

  /// The most values front matter may hold once aliases are expanded. Yams shares an aliased
  /// node rather than copying it, but converting copies: a few lines of aliases of aliases
  /// ("billion laughs") would expand to billions of values and exhaust memory.
  static let maximumValues = 100_000

  /// Front matter whose aliases expand past `maximumValues`.
  struct TooManyValues: Error {}

  /// Converts a node, counting every value against `budget`.
  static func convert(_ node: Node, budget: inout Int) throws -> YAMLValue {
    budget -= 1
    guard budget >= 0 else { throw TooManyValues() }
    switch node {
    case .scalar(let scalar):
      return scalarValue(scalar, node: node)
    case .sequence(let sequence):
      return .sequence(try sequence.map { try convert($0, budget: &budget) })
    case .mapping(let mapping):
      return .mapping(
        try mapping.map { key, value in
          YAMLEntry(
            key: key.string ?? "", value: try convert(value, budget: &budget),
            line: key.mark?.line ?? 0, scalarSource: value.scalar?.string)
        })
    case .alias:
      return .null
    }
  }

  /// Types a scalar as YAML 1.1 does (Yams' default resolver): an explicit tag wins, a
  /// quoted or block scalar is a string, a plain scalar is typed by its text.
  private static func scalarValue(_ scalar: Node.Scalar, node: Node) -> YAMLValue {
    let name: Tag.Name
    let written = Tag.Name(rawValue: scalar.tag.rawValue)
    switch written {
    case .implicit:
      // Only text the default resolver's rules can match is handed to them: every rule
      // matches the empty text, or text starting with one of these bytes; a word starting
      // with a letter matches only up to five letters long (`false`, `FALSE`, `null`).
      let text = scalar.string.utf8
      guard let first = text.first else { return .null }
      // Nor text with a byte none of the rules can match: `01/15/2026`, `Page 12, part 2`.
      guard text.allSatisfy(mayBeTyped) else { return .string(scalar.string) }
      switch first {
      case UInt8(ascii: "0")...UInt8(ascii: "9")
      where !text.starts(with: "0x".utf8) && text.contains(where: isHexOnlyLetter):
        // After a digit only an int written `0x…` may hold these letters: a hash such as
        // `ms.openlocfilehash: 3f2a…` is text.
        name = .str
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
        UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
        name = Resolver.default.resolveTag(of: node)
      case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
        UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
        UInt8(ascii: "o"), UInt8(ascii: "O"):
        name = text.count <= 5 ? Resolver.default.resolveTag(of: node) : .str
      default:
        name = .str
      }
    case .nonSpecific:
      name = .str
    default:
      name = written
    }
    switch name {
    case .null: return .null
    case .bool: return node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
    case .int: return node.int.map(YAMLValue.int) ?? .string(scalar.string)
    case .float: return node.float.map(YAMLValue.double) ?? .string(scalar.string)
    default: return .string(scalar.string)
    }
  }

  /// Whether a byte can appear in a plain scalar the default resolver types (a bool, an
  /// int, a float, a null, a timestamp, `<<` or `=`): letters, digits, space, tab and
  /// `. + - _ : ~ < =`.
  private static func mayBeTyped(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: " "), UInt8(ascii: "\t"),
      UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "_"),
      UInt8(ascii: ":"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
      true
    default:
      false
    }
  }

  /// Letters that the default resolver's rules allow after a leading digit only in a
  /// hexadecimal int (`0x1F`): not `b`, `o` or `x` (`0b`, `0o`), `e` (`1e5`), `T` or `Z`
  /// (timestamps).
  private static func isHexOnlyLetter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "f"),
      UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "C"), UInt8(ascii: "D"),
      UInt8(ascii: "F"):
      true
    default:
      false
    }
  }

  private static func describe(_ node: Node) -> String {
    switch node {
    case .scalar: "single value"
    case .sequence: "sequence"
    case .mapping: "mapping"
    case .alias: "alias"
    }
  }

  private static func describe(_ error: YamlError) -> (String, Mark?) {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if let context { return ("\(problem) (\(context.text))", mark) }
      return (problem, mark)
    case .reader(let problem, _, _, _):
      return (problem, nil)
    default:
      return ("\(error)", nil)
    }
  }

  /// Blanks the later top-level lines of duplicated keys (and their indented values).
  private static func removeLaterDuplicates(of keys: [String], in yaml: String)
    -> (String, [(key: String, first: Int, repeat: Int)])?
  {
    var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var firstLine: [String: Int] = [:]
    var found: [(key: String, first: Int, repeat: Int)] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if let key = topLevelKey(line), keys.contains(key) {
        if let first = firstLine[key] {
          found.append((key, first, index + 1))
          lines[index] = ""
          var next = index + 1
          while next < lines.count, let first = lines[next].first, first == " " || first == "\t" {
            lines[next] = ""
            next += 1
          }
          index = next
          continue
        }
        firstLine[key] = index + 1
      }
      index += 1
    }
    guard !found.isEmpty else { return nil }
    return (lines.joined(separator: "\n"), found)
  }

  private static func topLevelKey(_ line: String) -> String? {
    guard let first = line.first, first != " ", first != "\t", first != "#", first != "-" else {
      return nil
    }
    guard let colon = line.firstIndex(of: ":") else { return nil }
    var key = line[..<colon].trimmingCharacters(in: [" ", "\t", "\r"])
    if key.count >= 2, let quote = key.first, quote == "'" || quote == "\"", key.last == quote {
      key = String(key.dropFirst().dropLast())
    }
    return key
  }
}
