import DocModel

/// Reads the JSON configuration files of a Learn repository (`docfx.json`,
/// `.openpublishing.publish.config.json`, redirections) node by node, every error with its
/// file and line, as `YAMLReader` reads docproof.yml.
struct JSONReader {
  let path: String
  let node: JSONNode
  /// The dotted key path of this node, for messages (`build.content[2].src`).
  let keyPath: String

  /// Parses a file's bytes; the top must be an object.
  static func read(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> JSONReader {
    let node: JSONNode
    do {
      node = try JSONNode.parse(bytes)
    } catch {
      throw ConfigurationError(
        path: path, line: error.line, column: error.column,
        message: "not valid JSON: \(error.message)")
    }
    let reader = JSONReader(path: path, node: node, keyPath: "")
    guard case .object = node.value else { throw reader.error("expected a JSON object at the top") }
    return reader
  }

  var line: Int { node.line }
  var column: Int { node.column }

  func error(_ message: String) -> ConfigurationError {
    ConfigurationError(
      path: path, line: line, column: column,
      message: keyPath.isEmpty ? message : "\(keyPath): \(message)")
  }

  /// The object's properties in order; properties set to `null` are left out (the build
  /// reads them as not set).
  func dictionary() throws(ConfigurationError) -> [(String, JSONReader)] {
    guard case .object(let properties) = node.value else {
      throw error("expected an object, found \(kind)")
    }
    return properties.compactMap { name, value in
      if case .null = value.value { return nil }
      return (
        name,
        JSONReader(path: path, node: value, keyPath: keyPath.isEmpty ? name : "\(keyPath).\(name)")
      )
    }
  }

  /// A list; a single value is read as a one-item list.
  func list() throws(ConfigurationError) -> [JSONReader] {
    switch node.value {
    case .array(let items):
      return items.enumerated().map { index, item in
        JSONReader(path: path, node: item, keyPath: "\(keyPath)[\(index)]")
      }
    case .object: throw error("expected a list, found an object")
    default: return [self]
    }
  }

  func string() throws(ConfigurationError) -> String {
    switch node.value {
    case .string(let text): return text
    case .number(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    default: throw error("expected text, found \(kind)")
    }
  }

  func stringList() throws(ConfigurationError) -> [String] {
    var result: [String] = []
    for item in try list() { result.append(try item.string()) }
    return result
  }

  /// A boolean, also written as text (`"true"`).
  var bool: Bool? {
    switch node.value {
    case .bool(let flag): flag
    case .string(let text):
      text.lowercased() == "true" ? true : text.lowercased() == "false" ? false : nil
    default: nil
    }
  }

  var isScalar: Bool {
    switch node.value {
    case .object, .array: false
    default: true
    }
  }

  private var kind: String {
    switch node.value {
    case .object: "an object"
    case .array: "a list"
    case .null: "null"
    default: "a single value"
    }
  }
}
