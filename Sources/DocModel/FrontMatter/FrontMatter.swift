/// The YAML front matter of a page: the mapping between a leading `---` line and the next
/// `---` (or `...`) line.
public struct FrontMatter: Sendable, Hashable {
  /// The top-level keys in file order, each with its line.
  public var entries: [YAMLEntry]
  /// The line of the opening `---`, or `nil` when the file has no front matter.
  public var startLine: Int?
  /// The line of the closing `---`, or `nil` when the file has no front matter.
  public var endLine: Int?

  public init(entries: [YAMLEntry] = [], startLine: Int? = nil, endLine: Int? = nil) {
    self.entries = entries
    self.startLine = startLine
    self.endLine = endLine
  }

  /// Whether the file has a (closed) front matter block.
  public var isPresent: Bool { startLine != nil && endLine != nil }

  /// The value of a top-level key; with duplicated keys, the first one.
  public subscript(key: String) -> YAMLValue? {
    entries.first { $0.key == key }?.value
  }

  /// The entry of a top-level key, with its line.
  public func entry(_ key: String) -> YAMLEntry? {
    entries.first { $0.key == key }
  }

  /// A scalar value as text, as written (`nil` when missing, null or not a scalar).
  public func string(_ key: String) -> String? {
    entry(key)?.text
  }
}
