import Yams

/// Reads a YAML document node by node, with every error carrying its file and line.
///
/// Configuration sections use it to read typed values and to reject unknown keys (a typo
/// in `docproof.yml` is an error, with a did-you-mean, never silently ignored).
public struct YAMLReader {
  public let path: String
  public let node: Node
  /// The dotted key path of this node, for messages (`links.external.timeout`).
  public let keyPath: String

  public init(path: String, node: Node, keyPath: String = "") {
    self.path = path
    self.node = node
    self.keyPath = keyPath
  }

  /// Parses YAML text; an empty document is an empty mapping.
  public static func parse(_ text: String, path: String) throws(ConfigurationError) -> YAMLReader {
    do {
      let node = try Yams.compose(yaml: text) ?? Node.mapping([:])
      return YAMLReader(path: path, node: node)
    } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
      let (line, column) = repeatedKey(
        duplicates.first ?? "", in: text, from: context.mark.line, column: context.mark.column)
      throw ConfigurationError(
        path: path, line: line, column: column,
        message:
          "key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appear more than once")
    } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
      let YamlError.composer(_, problem, mark, _)
    {
      throw ConfigurationError(
        path: path, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
    } catch {
      throw ConfigurationError(path: path, line: 1, message: "not valid YAML: \(error)")
    }
  }

  /// Where `key` appears the second time as a key of the mapping that starts at `line`,
  /// `column` (Yams points at the mapping): that is the line to edit. Falls back to the
  /// mapping's start.
  static func repeatedKey(_ key: String, in text: String, from line: Int, column: Int) -> (
    Int, Int
  ) {
    let indent = String(repeating: " ", count: max(0, column - 1))
    var seen = 0
    for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated().dropFirst(max(0, line - 1))
    {
      guard content.hasPrefix(indent) else { continue }
      let rest = content.dropFirst(indent.count)
      let unquoted = rest.hasPrefix("'") || rest.hasPrefix("\"") ? rest.dropFirst() : rest
      guard !rest.hasPrefix(" "), unquoted.hasPrefix(key) else { continue }
      let after = unquoted.dropFirst(key.count).drop { $0 == "'" || $0 == "\"" || $0 == " " }
      guard after.hasPrefix(":") else { continue }
      seen += 1
      if seen == 2 { return (index + 1, column) }
    }
    return (line, column)
  }

  public var line: Int { node.mark?.line ?? 1 }
  public var column: Int { node.mark?.column ?? 1 }

  /// An error at this node.
  public func error(_ message: String) -> ConfigurationError {
    ConfigurationError(
      path: path, line: line, column: column,
      message: keyPath.isEmpty ? message : "\(keyPath): \(message)")
  }

  /// The mapping's entries in order, after checking every key is one of `allowed`.
  public func mapping(allowed: [String]) throws(ConfigurationError) -> [(String, YAMLReader)] {
    guard case .mapping(let mapping) = node else {
      throw error("expected a mapping of keys to values, found \(kind)")
    }
    var entries: [(String, YAMLReader)] = []
    for (key, value) in mapping {
      guard let name = key.string else { throw child(key, "?").error("keys must be text") }
      if !allowed.isEmpty, !allowed.contains(name) {
        var message = "unknown key '\(name)'"
        if let suggestion = Suggestion.closest(to: name, in: allowed) {
          message += " (did you mean '\(suggestion)'?)"
        } else {
          message += "; known keys: \(allowed.joined(separator: ", "))"
        }
        throw YAMLReader(path: path, node: key, keyPath: keyPath).error(message)
      }
      entries.append((name, child(value, name)))
    }
    return entries
  }

  /// A mapping with free-form keys (rule ids, path prefixes).
  public func dictionary() throws(ConfigurationError) -> [(String, YAMLReader)] {
    try mapping(allowed: [])
  }

  public func string() throws(ConfigurationError) -> String {
    guard case .scalar(let scalar) = node, Tag.Name(rawValue: node.tag.rawValue) != .null else {
      throw error("expected text, found \(kind)")
    }
    return scalar.string
  }

  public func int() throws(ConfigurationError) -> Int {
    guard let value = node.int else { throw error("expected a whole number, found \(describe)") }
    return value
  }

  public func double() throws(ConfigurationError) -> Double {
    guard let value = node.float ?? node.int.map(Double.init) else {
      throw error("expected a number, found \(describe)")
    }
    return value
  }

  public func bool() throws(ConfigurationError) -> Bool {
    guard let value = node.bool else { throw error("expected true or false, found \(describe)") }
    return value
  }

  /// A list; a single scalar is read as a one-element list.
  public func list() throws(ConfigurationError) -> [YAMLReader] {
    switch node {
    case .sequence(let sequence):
      return sequence.enumerated().map { index, item in
        YAMLReader(path: path, node: item, keyPath: "\(keyPath)[\(index)]")
      }
    case .scalar:
      return [self]
    default:
      throw error("expected a list, found \(kind)")
    }
  }

  public func stringList() throws(ConfigurationError) -> [String] {
    var result: [String] = []
    for item in try list() { result.append(try item.string()) }
    return result
  }

  private func child(_ node: Node, _ key: String) -> YAMLReader {
    YAMLReader(path: path, node: node, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)")
  }

  private var kind: String {
    switch node {
    case .scalar: Tag.Name(rawValue: node.tag.rawValue) == .null ? "nothing" : "a single value"
    case .sequence: "a list"
    case .mapping: "a mapping"
    case .alias: "an alias"
    }
  }

  private var describe: String {
    if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
    return kind
  }
}
