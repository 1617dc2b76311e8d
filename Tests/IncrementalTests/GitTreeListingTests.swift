import Testing

@testable import Incremental

/// A commit's Markdown files, read in place from `git ls-tree -r -z`.
@Suite struct GitTreeListingTests {
  static let blob = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
  static let other = "0123456789abcdef0123456789abcdef01234567"

  static func listing(_ entries: [String]) -> GitTreeListing {
    GitTreeListing(listing: Array(entries.map { $0 + "\0" }.joined().utf8))
  }

  @Test func keepsRegularMarkdownFilesWithTheirIDs() {
    // In git's order, by the bytes of the paths.
    let listing = Self.listing([
      "100644 blob \(Self.blob)\t.md",  // no name before the extension: still a file
      "100644 blob \(Self.blob)\ta.md",
      "100755 blob \(Self.other)\tb c.md",  // executable, and a space in the name
      "garbage",
      "120000 blob \(Self.blob)\tlink.md",  // a symbolic link
      "160000 commit \(Self.blob)\tmodule.md",  // a submodule
      "100644 blob \(Self.blob)\tnotes.txt",
      "100644 blob 12345\tshort.md",  // not an object id
      "100644 blob \(Self.blob)\tsub/dir/\tc.md",  // a tab inside the path
    ])
    #expect(listing.count == 4)
    #expect(
      (0..<listing.count).map(listing.path(at:)) == [".md", "a.md", "b c.md", "sub/dir/\tc.md"])
    #expect(listing.id(at: 2).description == Self.other)
    #expect(listing.id(of: "sub/dir/\tc.md")?.description == Self.blob)
    #expect(listing.id(of: "a.md")?.description == Self.blob)
    #expect(listing.id(of: "b c.md")?.description == Self.other)
    #expect(listing.id(of: "link.md") == nil && listing.id(of: "notes.txt") == nil)
    #expect(GitTreeListing(listing: []).count == 0)
    // A last entry without its NUL is read too.
    #expect(GitTreeListing(listing: Array("100644 blob \(Self.blob)\tz.md".utf8)).count == 1)
  }

  @Test func findsEveryPathOfASortedListingByBinarySearch() {
    let paths = (0..<300).map { "folder-\($0 / 10)/page-\($0 % 10).md" }.sorted {
      Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
    }
    let listing = Self.listing(paths.map { "100644 blob \(Self.blob)\t\($0)" })
    for path in paths { #expect(listing.id(of: path) != nil, "\(path)") }
    for path in ["folder-0/page-10.md", "folder-", "zzz.md", ""] {
      #expect(listing.id(of: path) == nil, "\(path)")
    }
  }
}
