/// One locale of the tree: its folder under the root and whether it is the source.
public struct SiteLocale: Sendable, Hashable {
  /// The locale name (`en-us`), or `""` for a tree without locale folders.
  public var name: String
  /// The folder under the root (`en-us`), or `""` when the root is the locale.
  public var folder: String
  public var isSource: Bool

  /// The path of `relative` (inside this locale) from the root.
  public func path(_ relative: String) -> String {
    folder.isEmpty ? relative : relative.isEmpty ? folder : folder + "/" + relative
  }

  /// The part of a root-relative path inside this locale, or `nil` when it is elsewhere.
  public func relative(_ path: String) -> String? {
    guard let start = start(in: path) else { return nil }
    return String(path[start...])
  }

  /// Whether a root-relative path is inside this locale.
  public func contains(_ path: String) -> Bool {
    start(in: path) != nil
  }

  /// Where the locale-relative part of `path` starts, or `nil` when it is elsewhere.
  private func start(in path: String) -> String.Index? {
    if folder.isEmpty { return path.startIndex }
    let bytes = path.utf8
    guard bytes.starts(with: folder.utf8) else { return nil }
    let end = bytes.index(bytes.startIndex, offsetBy: folder.utf8.count)
    if end == bytes.endIndex { return end }
    guard bytes[end] == UInt8(ascii: "/") else { return nil }
    return bytes.index(after: end)
  }
}
