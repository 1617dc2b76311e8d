/// Lexical path arithmetic on `/`-separated relative paths, never touching the disk.
public enum RelativePath {
  /// Joins and normalizes: `a/b` + `../c/./d` → `a/c/d`. Returns `nil` when the result
  /// climbs above the starting point.
  public static func resolve(_ path: String, from directory: String) -> String? {
    var parts = directory.split(separator: "/").map(String.init)
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(component))
      }
    }
    return parts.joined(separator: "/")
  }

  /// Whether a relative path climbs out of where it starts.
  public static func escapes(_ path: String) -> Bool {
    resolve(path, from: "") == nil
  }

  /// The folder part of a path (`a/b/c.md` → `a/b`, `c.md` → ``).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// The last component of a path.
  public static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// The extension without the dot, lowercased (`x.MD` → `md`).
  public static func fileExtension(of path: String) -> String {
    let name = fileName(of: path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// Decodes `%XX` escapes; `nil` when the result is not valid UTF-8 or an escape is bad.
  public static func percentDecoded(_ text: String) -> String? {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%") {
        guard let high = iterator.next(), let low = iterator.next(),
          let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
        else { return nil }
        bytes.append(value)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }
}
