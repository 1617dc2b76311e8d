import DocModel

/// A docproof marker comment: `<!-- docproof: KIND ARGUMENT -->`.
public struct Marker: Sendable, Hashable {
  /// `transcript`, `snippet`, `program`.
  public var kind: String
  /// The rest: a scenario name, a path, a language.
  public var argument: String

  public init(kind: String, argument: String) {
    self.kind = kind
    self.argument = argument
  }

  /// Reads a comment's text (without `<!--` and `-->`); `nil` when it is not a marker.
  public static func parse(_ comment: String) -> Marker? {
    let text = comment.trimmingSpaces()
    guard text.hasPrefix("docproof:") else { return nil }
    let body = text.dropFirst("docproof:".count).trimmingSpaces()
    let parts = body.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    guard let kind = parts.first else { return nil }
    let argument =
      parts.count > 1 ? String(parts[1]).trimmingSpaces() : ""
    return Marker(kind: String(kind), argument: argument)
  }
}
