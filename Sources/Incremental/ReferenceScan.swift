import Algorithms
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
  /// Root-relative paths, sorted.
  public let paths: [String]
  /// The sorted token hashes of each file, in the order of `paths`.
  private let tokens: [[UInt64]]
  /// What a cache should hold after this scan: every file the commit has and git reports
  /// unchanged, with its object id, by the index of its tokens; `nil` when the cache
  /// already holds exactly that.
  let cacheEntries: [(id: GitObjectID, file: Int)]?
  /// How many files were read (the others came from the cache).
  public let filesRead: Int

  /// Reads every file, in parallel (unreadable files, and files over `limit` bytes, read as
  /// empty: the parser reports them).
  public init(paths: [String], tree: FileTree, limit: Int = .max) async {
    await self.init(
      paths: paths, tree: tree, limit: limit, listing: .empty, changed: [], cache: .empty)
  }

  /// Takes from `cache` the tokens of each file that the commit `listing` comes from has,
  /// that git does not report `changed` (so that its content is the commit's) and that the
  /// cache holds for the same path and object id; reads the others. `paths` are sorted.
  public init(
    paths: [String], tree: FileTree, limit: Int, listing: GitTreeListing,
    changed: [String], cache: ReferenceCache
  ) async {
    let match = CacheMatch(paths: paths, listing: listing, changed: changed, cache: cache)
    // The files the cache cannot answer for, read in parallel.
    let unread = paths.indices.filter { match.cached[$0] < 0 }
    let parts = await unread.concurrentChunks { slice in
      // The paths are sorted: a folder's files come one after another.
      var folder = OpenFolder(tree: tree)
      defer { folder.close() }
      return slice.map { index in
        ReferenceTokens.hashes(of: (try? folder.read(paths[index], limit: limit)) ?? [])
      }
    }
    // In path order: each file's tokens from the cache, or the next of those read.
    var read = parts.joined().makeIterator()
    self.tokens = paths.indices.map { index in
      match.cached[index] >= 0 ? cache.entries[match.cached[index]].hashes : read.next()!
    }
    var entries: [(id: GitObjectID, file: Int)] = []
    var hits = 0
    for index in paths.indices where match.unchanged[index] >= 0 {
      entries.append((listing.id(at: match.unchanged[index]), index))
      if match.cached[index] >= 0 { hits += 1 }
    }
    self.paths = paths
    self.filesRead = unread.count
    // Rewritten when an unchanged file was read (its tokens are new), or when the cache
    // holds many entries no file matches any more.
    let learned = entries.count > hits
    let stale = cache.count > hits + max(64, hits / 10)
    self.cacheEntries = learned || stale ? entries : nil
  }

  /// The token hashes of the file at `index`.
  func tokens(ofFile index: Int) -> [UInt64] { tokens[index] }

  /// The texts that show a reference to `target` (a root-relative path): its name, without
  /// `.md` for a Markdown file (links may drop it), plain and percent-encoded. A needle
  /// matches only as a whole path segment (see `ReferenceTokens`).
  public static func needles(for target: String) -> [String] {
    let name = RelativePath.fileName(of: target)
    var stem = name
    if RelativePath.fileExtension(of: name) == "md" { stem = String(name.dropLast(3)) }
    if stem.isEmpty { stem = name }
    let encoded = RelativePath.percentEncoded(stem)
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
        let hashes = tokens(ofFile: index)[...]
        return needles.contains { runs in runs.allSatisfy { Self.holds(hashes, $0) } }
      }
    }
    return Set(parts.joined().map { paths[$0] })
  }

  /// Whether sorted `hashes` hold `hash` (a binary search).
  static func holds(_ hashes: ArraySlice<UInt64>, _ hash: UInt64) -> Bool {
    let index = hashes.partitioningIndex { $0 >= hash }
    return index < hashes.endIndex && hashes[index] == hash
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

}
