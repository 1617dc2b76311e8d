import DocSite
import Foundation
import TestSupport
import Testing

@testable import Incremental

/// The text filter in front of the parser: conservative (never misses a way a file can
/// name another) and precise enough to keep the parse small.
@Suite struct ReferenceScanTests {
  @Test func needlesAreTheNameWithoutMarkdownsExtensionPlainAndEncoded() {
    #expect(ReferenceScan.needles(for: "en-us/area/page-14.md") == ["page-14"])
    #expect(ReferenceScan.needles(for: "media/diagram.png") == ["diagram.png"])
    #expect(
      ReferenceScan.needles(for: "en-us/set up ö.md")
        == ["set up ö", "set%20up%20%C3%B6", "set%20up%20%c3%b6"]
        .sorted())
  }

  @Test func findsTheFilesThatNameATarget() async throws {
    let tree = try TemporaryTree([
      "a.md": "[b](sub/b.md)\n", "sub/b.md": "# B\n", "c.md": "[b2](b2.md)\n",
      "d.md": "![x](media/b.png)\n",
    ])
    defer { tree.remove() }
    let files = try FileTree.scan(tree.path)
    let scan = await ReferenceScan(paths: ["a.md", "c.md", "d.md", "sub/b.md"], tree: files)
    #expect(await scan.files(referringTo: ["sub/b.md"]) == ["a.md"])
    #expect(await scan.files(referringTo: ["media/b.png"]) == ["d.md"])
    #expect(await scan.files(referringTo: ["sub/b.md", "b2.md"]) == ["a.md", "c.md"])
    #expect(await scan.files(referringTo: [String]()).isEmpty)
  }

  @Test func tokensFromTheCacheAreTheFilesOwnWhereverTheyFall() async throws {
    // Files the cache holds and files it does not, interleaved, in runs of every length:
    // each file's tokens must be its own, as a scan that reads everything finds them.
    var contents: [String: String] = [:]
    for index in 0..<40 {
      contents["f\(index / 10)/p\(index % 10).md"] = "[x](target-\(index).md)\n"
    }
    let tree = try TemporaryTree(contents)
    defer { tree.remove() }
    let files = try FileTree.scan(tree.path)
    let paths = contents.keys.sorted()
    let read = await ReferenceScan(paths: paths, tree: files)
    let one = GitObjectID(hex: Array(String(repeating: "1", count: 40).utf8))!
    let two = GitObjectID(hex: Array(String(repeating: "2", count: 40).utf8))!
    // The commit has every file; the cache has some of them, one with another object.
    let cachedIndices = paths.indices.filter {
      [1, 2, 3, 7, 8, 11, 20, 21, 22, 23, 24, 39].contains($0)
    }
    let cache = try ReferenceCache.decode(
      ReferenceCache.encode(
        cachedIndices.map { (paths[$0], $0 == 8 ? two : one, read.tokens(ofFile: $0)) }))
    let listing = GitTreeListing(
      listing: Array(paths.map { "100644 blob \(one)\t\($0)\0" }.joined().utf8))
    let scan = await ReferenceScan(
      paths: paths, tree: files, limit: .max, listing: listing, changed: [paths[20]],
      cache: cache)
    #expect(scan.filesRead == paths.count - cachedIndices.count + 2)
    for index in paths.indices {
      #expect(
        Array(scan.tokens(ofFile: index)) == Array(read.tokens(ofFile: index)), "\(paths[index])")
    }
    for index in [0, 8, 20, 39] {
      #expect(await scan.files(referringTo: ["target-\(index).md"]) == [paths[index]])
    }
    // The cache is to hold every file but the changed one, under the commit's object.
    let entries = try #require(scan.cacheEntries)
    #expect(entries.map(\.file) == paths.indices.filter { $0 != 20 })
    #expect(entries.allSatisfy { $0.id == one })
  }
}
