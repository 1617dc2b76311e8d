import DocModel
import DocSite
import Foundation

/// Finds, without parsing, the Markdown files whose text could refer to given files: a
/// cheap, conservative filter in front of the parser.
///
/// Every way a Markdown file refers to another (links, images, includes, code snippets,
/// reference definitions, HTML) names the target's file name, or its name without `.md`,
/// literally or percent-encoded; a file that contains none of those texts cannot refer to
/// the target. Of each file only its tokens are kept (`ReferenceTokens`), read once, or
/// taken from a `ReferenceCache` for a file git says is unchanged.
public struct ReferenceScan: Sendable {
  /// Root-relative paths, in the order of `starts`.
  public let paths: [String]
  /// `tokens[starts[i]..<starts[i + 1]]` are the sorted token hashes of `paths[i]`.
  private let starts: [Int]
  private let tokens: [UInt64]
  /// What a cache should hold after this scan: every file with a known object id, by the
  /// index of its tokens; `nil` when the cache already holds exactly what it should.
  let cacheEntries: [(id: GitObjectID, file: Int)]?
  /// How many files were read (the others came from the cache).
  public let filesRead: Int

  /// Reads every file, in parallel (unreadable files, and files over `limit` bytes, read as
  /// empty: the parser reports them).
  public init(paths: [String], tree: FileTree, limit: Int = .max) async {
    await self.init(paths: paths, tree: tree, limit: limit, known: [:], cache: .empty)
  }

  /// Takes the tokens of a file whose object id `known` gives from `cache` when it has
  /// them, and reads the others.
  public init(
    paths: [String], tree: FileTree, limit: Int, known: [String: GitObjectID],
    cache: ReferenceCache
  ) async {
    struct Part: Sendable {
      var tokens: [UInt64] = []
      var counts: [Int] = []
      var keyed: [(id: GitObjectID, file: Int)] = []
      var read = 0
      /// Indices of the cache entries used.
      var used: [Int] = []
    }
    let parts = await paths.concurrentChunks { slice in
      var part = Part()
      // The paths are sorted: a folder's files come one after another.
      var folder = OpenFolder(tree: tree)
      defer { folder.close() }
      for index in slice.indices {
        let path = slice[index]
        let id = known[path]
        if let id { part.keyed.append((id, index)) }
        if let id, let entry = cache.index(of: id) {
          let cached = cache.hashes(at: entry)
          part.tokens.append(contentsOf: cached)
          part.counts.append(cached.count)
          part.used.append(entry)
          continue
        }
        let text = (try? folder.read(path, limit: limit)) ?? []
        let hashes = ReferenceTokens.hashes(of: text)
        part.tokens.append(contentsOf: hashes)
        part.counts.append(hashes.count)
        part.read += 1
      }
      return part
    }
    var starts = [0]
    starts.reserveCapacity(paths.count + 1)
    var tokens: [UInt64] = []
    tokens.reserveCapacity(parts.reduce(0) { $0 + $1.tokens.count })
    var keyed: [(id: GitObjectID, file: Int)] = []
    var read = 0
    var fromCache = 0
    var used = [Bool](repeating: false, count: cache.count)
    for part in parts {
      tokens.append(contentsOf: part.tokens)
      for count in part.counts { starts.append(starts[starts.count - 1] + count) }
      keyed.append(contentsOf: part.keyed)
      read += part.read
      fromCache += part.used.count
      for entry in part.used { used[entry] = true }
    }
    self.paths = paths
    self.starts = starts
    self.tokens = tokens
    self.filesRead = read
    // Rewritten when a known file was read (its tokens are new), or when the cache holds
    // many objects no file has any more.
    let learned = keyed.count > fromCache
    let inUse = used.reduce(0) { $0 + ($1 ? 1 : 0) }
    let stale = cache.count > inUse + max(64, inUse / 10)
    self.cacheEntries = learned || stale ? keyed : nil
  }

  /// The token hashes of the file at `index`.
  func tokens(ofFile index: Int) -> ArraySlice<UInt64> {
    tokens[starts[index]..<starts[index + 1]]
  }

  /// The texts that show a reference to `target` (a root-relative path): its name, without
  /// `.md` for a Markdown file (links may drop it), plain and percent-encoded. A needle
  /// matches only as a whole path segment (see `ReferenceTokens`).
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
    let needles = Array(Set(targets.flatMap(Self.needles(for:))))
      .map { ReferenceTokens.runs(of: Array($0.utf8)) }
    guard !needles.isEmpty else { return [] }
    let parts = await paths.concurrentChunks { slice in
      slice.indices.filter { index in
        let hashes = tokens(ofFile: index)
        return needles.contains { runs in runs.allSatisfy { Self.holds(hashes, $0) } }
      }
    }
    return Set(parts.joined().map { paths[$0] })
  }

  /// Whether sorted `hashes` hold `hash` (a binary search).
  static func holds(_ hashes: ArraySlice<UInt64>, _ hash: UInt64) -> Bool {
    var low = hashes.startIndex
    var high = hashes.endIndex
    while low < high {
      let middle = (low + high) / 2
      if hashes[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < hashes.endIndex && hashes[low] == hash
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
