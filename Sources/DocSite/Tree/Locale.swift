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
    if folder.isEmpty { return path }
    if path == folder { return "" }
    guard path.hasPrefix(folder + "/") else { return nil }
    return String(path.dropFirst(folder.count + 1))
  }
}
