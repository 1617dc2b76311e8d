import DocSite
import Foundation
import TestSupport
import Testing

@Suite struct FileTreeTests {
  /// Names that sort differently as names and as paths: `-`, ` ` and `.` sort before `/`,
  /// letters and digits after it, and non-ASCII names sort by their scalars.
  static let trickyFiles = [
    "a.md", "a-b.md", "a b.md", "a/x.md", "a/a.md", "a-b/x.md", "a.b/x.md", "a0/x.md", "A.md",
    "Z/z.md", "ab.md", "a/b/c/d.md", "a/b.md", "a/b-c.md", "é.md", "e/é/x.md", "zz", "a!/x.md",
    "a+", "a+-/b", "~.md", "a/b/c.md", "a/b/c-d/e.md", "a/b/c.d/e.md",
  ]

  @Test func entriesComeInTheOrderPathsSort() throws {
    let tree = try TemporaryTree(
      Dictionary(uniqueKeysWithValues: Self.trickyFiles.map { ($0, "x") }))
    defer { tree.remove() }
    try tree.link("a/link.md", to: "../a.md")
    try tree.link("out", to: "/")
    try tree.link("loop", to: "loop")
    let scanned = try FileTree.scan(tree.path)
    let paths = scanned.sorted.map(\.path)
    #expect(paths == Array(scanned.entries.keys).sorted())
    #expect(Set(paths) == Set(scanned.entries.keys))
    #expect(paths.count == scanned.entries.count)
    for (path, entry) in scanned.sorted { #expect(scanned.entries[path] == entry) }
    #expect(scanned.entries["a/link.md"] == .file)
    #expect(scanned.entries["loop"] == .broken(reason: "a symbolic link loop"))
    #expect(scanned.entries["out"] == .outsideRoot(target: "/"))
    #expect(scanned.entries["a/b/c"] == .directory)
  }

  @Test func randomTreesComeSortedToo() throws {
    var random = SplitMix64(seed: 9)
    let alphabet = Array("a-. _+b/0Zé")
    for _ in 0..<20 {
      var files: [String: String] = [:]
      for _ in 0..<40 {
        var name = ""
        for _ in 0..<Int(random.next() % 6 + 1) {
          name.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
        }
        // No empty, hidden or `.`/`..` components, no trailing slash.
        let parts = name.split(separator: "/").filter { !$0.hasPrefix(".") && !$0.isEmpty }
        guard !parts.isEmpty else { continue }
        files[parts.joined(separator: "/") + "~"] = "x"
      }
      // `~` ends only file names: no file is also a folder.
      let tree = try TemporaryTree(files)
      defer { tree.remove() }
      let scanned = try FileTree.scan(tree.path)
      #expect(scanned.sorted.map(\.path) == Array(scanned.entries.keys).sorted())
    }
  }

  @Test func fileNamesOfAFolderAreSorted() throws {
    let tree = try TemporaryTree(["d/b.md": "", "d/a.md": "", "d/c/x.md": "", "d/a-.md": ""])
    defer { tree.remove() }
    #expect(try FileTree.scan(tree.path).fileNames["d"] == ["a-.md", "a.md", "b.md"])
  }
}
