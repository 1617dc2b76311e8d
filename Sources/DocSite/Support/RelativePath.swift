import Foundation

/// Lexical path arithmetic on `/`-separated relative paths, never touching the disk.
public enum RelativePath {
  /// Joins and normalizes: `a/b` + `../c/./d` → `a/c/d`. Returns `nil` when the result
  /// climbs above the starting point.
  public static func resolve(_ path: String, from directory: String) -> String? {
    // Bytes, not characters or split strings: links are resolved a million times a run.
    var output: [UInt8] = []
    output.reserveCapacity(directory.utf8.count + path.utf8.count + 1)
    forEachComponent(of: directory) { component in
      if !output.isEmpty { output.append(slash) }
      output.append(contentsOf: component)
      return true
    }
    let climbed = forEachComponent(of: path) { component in
      if component.count == 1, component[component.startIndex] == dot { return true }
      if component.count == 2, component[component.startIndex] == dot,
        component[component.startIndex + 1] == dot
      {
        guard !output.isEmpty else { return false }
        output.removeSubrange((output.lastIndex(of: slash) ?? 0)...)
        return true
      }
      if !output.isEmpty { output.append(slash) }
      output.append(contentsOf: component)
      return true
    }
    guard climbed else { return nil }
    return String(decoding: output, as: UTF8.self)
  }

  private static let slash = UInt8(ascii: "/")
  private static let dot = UInt8(ascii: ".")

  /// Calls `body` with each non-empty `/`-separated component's bytes, until it returns
  /// `false`; returns whether every call returned `true`.
  @discardableResult
  private static func forEachComponent(
    of text: String, _ body: (UnsafeBufferPointer<UInt8>.SubSequence) -> Bool
  ) -> Bool {
    func walk(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != slash { end += 1 }
        if end > start, !body(bytes[start..<end]) { return false }
        start = end + 1
      }
      return true
    }
    if let result = text.utf8.withContiguousStorageIfAvailable(walk) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(walk)
  }

  /// Whether a relative path climbs out of where it starts.
  public static func escapes(_ path: String) -> Bool {
    resolve(path, from: "") == nil
  }

  /// The folder part of a path (`a/b/c.md` → `a/b`, `c.md` → ``).
  public static func directory(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
    return String(path[..<slash])
  }

  /// The last component of a path.
  public static func fileName(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: slash) else { return path }
    return String(path[path.utf8.index(after: slash)...])
  }

  /// The extension without the dot, lowercased (`x.MD` → `md`).
  public static func fileExtension(of path: String) -> String {
    let bytes = path.utf8
    var index = bytes.endIndex
    var lastDot: String.Index?
    while index > bytes.startIndex {
      let before = bytes.index(before: index)
      let byte = bytes[before]
      if byte == slash { break }
      if byte == dot, lastDot == nil { lastDot = before }
      index = before
    }
    // `index` is where the file name starts; a leading dot (`.gitignore`) is no extension.
    guard let lastDot, lastDot != index else { return "" }
    let tail = bytes[bytes.index(after: lastDot)...]
    // Mostly lowercase ASCII already (`md`, `png`): a copy of those bytes, held inline.
    if tail.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) {
      return String(path[tail.startIndex...])
    }
    if tail.allSatisfy({ $0 < 0x80 }) {
      return String(decoding: tail.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
    return String(path[bytes.index(after: lastDot)...]).lowercased()
  }

  /// Whether the extension is `md` (`fileExtension(of:) == "md"`), from the last bytes alone:
  /// no lowercase copy of every path's extension (no other letter lowercases to `m` or `d`).
  public static func isMarkdown(_ path: String) -> Bool {
    let bytes = path.utf8
    // A name before the dot: `x.md` is four bytes at least.
    guard bytes.count >= 4 else { return false }
    var index = bytes.endIndex
    bytes.formIndex(before: &index)
    guard bytes[index] | 0x20 == UInt8(ascii: "d") else { return false }
    bytes.formIndex(before: &index)
    guard bytes[index] | 0x20 == UInt8(ascii: "m") else { return false }
    bytes.formIndex(before: &index)
    guard bytes[index] == dot else { return false }
    // A dot that starts the name (`.md`, `a/.md`) begins a hidden name, not an extension.
    bytes.formIndex(before: &index)
    return bytes[index] != slash
  }

  /// Percent-encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`).
  public static func percentEncoded(_ text: String) -> String {
    // Only fails on text that is not Unicode, which a Swift string always is.
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  private static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// Decodes `%XX` escapes; `nil` when the result is not valid UTF-8 or an escape is bad.
  public static func percentDecoded(_ text: String) -> String? {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    return text.removingPercentEncoding
  }

  /// The part of `path` inside `folder` (`a/b/c.md` in `a` → `b/c.md`; anything in `""`),
  /// or `nil` when it is elsewhere. Both are normalized relative paths.
  public static func relative(_ path: String, to folder: String) -> String? {
    if folder.isEmpty { return path }
    guard path.utf8.starts(with: folder.utf8) else { return nil }
    let rest = path.utf8.dropFirst(folder.utf8.count)
    if rest.isEmpty { return "" }
    guard rest.first == slash else { return nil }
    return String(path[rest.index(after: rest.startIndex)...])
  }

  /// A relative path with `.`, empty components and `..` after a name removed by their
  /// text alone; leading `..` stay (`./a//b/../c/` → `a/c`, `../x` → `../x`, `.` → ``).
  public static func normalized(_ path: String) -> String {
    var components: [Substring] = []
    for component in path.split(separator: "/") {
      switch component {
      case ".": continue
      case "..":
        if let last = components.last, last != ".." {
          components.removeLast()
        } else {
          components.append(component)
        }
      default: components.append(component)
      }
    }
    return components.joined(separator: "/")
  }
}
