import Algorithms
import Foundation

/// The regular Markdown files of a commit's tree, as `git ls-tree -r -z` lists them: in
/// git's order (by the bytes of their paths), each with its object id, the paths kept as
/// the listing's bytes (no string is made of the 60,000 paths of a large tree).
public struct GitTreeListing: Sendable, Equatable {
  /// The listing as git printed it.
  private let bytes: [UInt8]
  /// Each file's path, as a range of `bytes`, and its object id.
  private let files: [File]

  fileprivate struct File: Sendable, Equatable {
    var start: Int
    var end: Int
    var id: GitObjectID
  }

  public static let empty = GitTreeListing(listing: [])

  /// Reads a listing; entries that are not regular `.md` files (folders, links, submodules,
  /// other files) are left out. An entry is `<mode> SP <type> SP <id> TAB <path> NUL`.
  public init(listing: [UInt8]) {
    var files: [File] = []
    listing.withUnsafeBufferPointer { bytes in
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0 { end += 1 }
        defer { start = end + 1 }
        // "100644 blob " or "100755 blob ": regular files only.
        guard end - start > 12, bytes[start] == UInt8(ascii: "1"),
          bytes[start + 1] == UInt8(ascii: "0"), bytes[start + 7] == UInt8(ascii: "b"),
          bytes[end - 3] == UInt8(ascii: "."),
          bytes[end - 2] == UInt8(ascii: "m"), bytes[end - 1] == UInt8(ascii: "d"),
          let tab = UnsafeBufferPointer(rebasing: bytes[start..<end]).firstIndex(
            of: UInt8(ascii: "\t")
          ).map({ start + $0 }),
          tab >= start + 12, tab + 4 <= end,
          let id = GitObjectID(hex: UnsafeBufferPointer(rebasing: bytes[start + 12..<tab]))
        else { continue }
        files.append(File(start: tab + 1, end: end, id: id))
      }
    }
    self.bytes = listing
    self.files = files
  }

  /// How many Markdown files it lists.
  public var count: Int { files.count }

  /// The object id of the file at `index`.
  public func id(at index: Int) -> GitObjectID { files[index].id }

  /// The path of the file at `index`.
  public func path(at index: Int) -> String {
    String(decoding: bytes[files[index].start..<files[index].end], as: UTF8.self)
  }

  /// The object id of the file at `path`, if the listing has it (a binary search).
  public func id(of path: String) -> GitObjectID? {
    var path = path
    return path.withUTF8 { wanted in
      withPaths { paths in
        let index = (0..<count).partitioningIndex {
          paths.path($0).byteOrder(comparedTo: wanted) >= 0
        }
        return index < count && paths.path(index).byteOrder(comparedTo: wanted) == 0
          ? files[index].id : nil
      }
    }
  }

  /// Calls `body` with the paths, readable without copying for as long as it runs.
  func withPaths<Result>(_ body: (Paths) throws -> Result) rethrows -> Result {
    try bytes.withUnsafeBufferPointer { buffer in
      try files.withUnsafeBufferPointer { files in try body(Paths(bytes: buffer, files: files)) }
    }
  }

  /// The listing's paths, in place.
  struct Paths {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let files: UnsafeBufferPointer<File>

    var count: Int { files.count }

    /// The bytes of path `index`.
    func path(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[files[index].start..<files[index].end])
    }
  }
}
