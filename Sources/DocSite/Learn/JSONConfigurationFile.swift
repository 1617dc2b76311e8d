import Yams

/// Reads the JSON configuration files of a Learn repository (`docfx.json`,
/// `.openpublishing.publish.config.json`, redirections) with their lines.
///
/// JSON is YAML's flow style, so Yams reads it with every node's position, and
/// `YAMLReader` gives each error its file and line. Like the Learn build's JSON reader, it
/// tolerates what JSON.NET tolerates (comments, a trailing comma) and rejects the rest.
enum JSONConfigurationFile {
  /// The document's top node; an empty file is an empty object.
  static func read(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> YAMLReader {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    guard !text.contains("\u{FFFD}") else {
      throw ConfigurationError(path: path, line: 1, message: "not UTF-8 text")
    }
    do throws(ConfigurationError) {
      let reader = try YAMLReader.parse(text, path: path)
      guard case .mapping = reader.node else {
        throw reader.error("expected a JSON object at the top")
      }
      return reader
    } catch {
      // YAML's word for what went wrong is not JSON's.
      var error = error
      error.message = error.message.replacingOccurrences(
        of: "not valid YAML", with: "not valid JSON")
      throw error
    }
  }
}
