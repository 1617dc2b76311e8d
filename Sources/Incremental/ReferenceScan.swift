import DocModel
import DocSite
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds, without parsing, the Markdown files whose text could refer to given files: a
/// cheap, conservative filter in front of the parser.
///
/// Every way a Markdown file refers to another (links, images, includes, code snippets,
/// reference definitions, HTML) names the target's file name, or its name without `.md`,
/// literally or percent-encoded; a file that contains none of those texts cannot refer to
/// the target. The file texts are read once and kept for later rounds.
public struct ReferenceScan: Sendable {
  /// Root-relative paths, in the order of `texts`.
  public let paths: [String]
  private let texts: [[UInt8]]

  /// Reads every file, in parallel (unreadable files read as empty: the parser reports them).
  public init(paths: [String], tree: FileTree) async {
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = max(1, (paths.count + width - 1) / width)
    let texts = await withTaskGroup(of: (Int, [[UInt8]]).self) { group in
      for start in stride(from: 0, to: paths.count, by: chunk) {
        let slice = Array(paths[start..<min(start + chunk, paths.count)])
        group.addTask {
          (start, slice.map { (try? FileReader.read(tree.absolute($0))) ?? [] })
        }
      }
      var texts = [[UInt8]](repeating: [], count: paths.count)
      for await (start, read) in group {
        for (offset, text) in read.enumerated() { texts[start + offset] = text }
      }
      return texts
    }
    self.paths = paths
    self.texts = texts
  }

  /// The texts that show a reference to `target` (a root-relative path): its name, without
  /// `.md` for a Markdown file (links may drop it), plain and percent-encoded. A needle
  /// matches only as a whole path segment (see `contains`).
  public static func needles(for target: String) -> [String] {
    let name = RelativePath.fileName(of: target)
    var stem = name
    if RelativePath.fileExtension(of: name) == "md" { stem = String(name.dropLast(3)) }
    if stem.isEmpty { stem = name }
    let encoded = percentEncoded(stem)
    return Array(
      Set([stem, encoded, encoded.lowercased() == encoded ? encoded : lowerHex(encoded)])
    )
    .sorted()
  }

  /// The files whose text contains any of the needles of any target.
  public func files(referringTo targets: some Collection<String>) async -> Set<String> {
    let needles = Array(Set(targets.flatMap(Self.needles(for:)))).map { Array($0.utf8) }
    guard !needles.isEmpty else { return [] }
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = max(1, (texts.count + width - 1) / width)
    return await withTaskGroup(of: [String].self) { group in
      for start in stride(from: 0, to: texts.count, by: chunk) {
        let range = start..<min(start + chunk, texts.count)
        group.addTask {
          range.filter { index in
            needles.contains { Self.contains(texts[index], $0) }
          }.map { paths[$0] }
        }
      }
      var found: Set<String> = []
      for await part in group { found.formUnion(part) }
      return found
    }
  }

  /// Whether `haystack` holds `needle` as a whole path segment: not preceded by a byte
  /// that can be part of a file name, and followed by one that cannot be, or by `.md`.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    var from = 0
    while let position = find(needle, in: haystack, from: from) {
      from = position + 1
      if position > 0, isNameByte(haystack[position - 1]) { continue }
      var end = position + needle.count
      if end + 3 <= haystack.count, haystack[end] == UInt8(ascii: "."),
        haystack[end + 1] | 0x20 == UInt8(ascii: "m"), haystack[end + 2] | 0x20 == UInt8(ascii: "d")
      {
        end += 3
      }
      if end == haystack.count || !isNameByte(haystack[end]) { return true }
    }
    return false
  }

  /// Letters, digits, `-_.~%` and every byte of a non-ASCII character.
  static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
      UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "%"), 0x80...0xFF:
      true
    default:
      false
    }
  }

  /// `%C3%B6` as `%c3%b6`: percent-encoding's hex digits may be in either case.
  static func lowerHex(_ encoded: String) -> String {
    var result = ""
    var inEscape = 0
    for character in encoded {
      if character == "%" {
        inEscape = 2
        result.append(character)
      } else if inEscape > 0 {
        inEscape -= 1
        result += character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The first position at or after `from` where `needle` starts in `haystack`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, from >= 0 else { return nil }
    return haystack.withUnsafeBytes { hay in
      needle.withUnsafeBytes { pin in
        guard let base = hay.baseAddress, let first = pin.first, let pinBase = pin.baseAddress
        else { return nil }
        // memchr finds each candidate first byte; memcmp compares the rest.
        var offset = from
        let last = hay.count - pin.count
        while offset <= last {
          guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else {
            return nil
          }
          let position = base.distance(to: UnsafeRawPointer(hit))
          // The last byte first: most candidates fail there without a call.
          if hay[position + pin.count - 1] == pin[pin.count - 1],
            memcmp(base + position, pinBase, pin.count) == 0
          {
            return position
          }
          offset = position + 1
        }
        return nil
      }
    }
  }

  /// Percent-encodes everything but RFC 3986's unreserved characters.
  static func percentEncoded(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        result += String(format: "%%%02X", byte)
      }
    }
    return result
  }
}
