import DocSite
import Foundation

/// Which of a scan's files the commit's listing and the reference cache know, found by
/// walking the three side by side, each in path order (no table of 60,000 paths is built).
///
/// A match needs the same bytes of path in all three and the same object id in the listing
/// and the cache; the walk only decides how far to step by comparing bytes, so paths
/// sorted otherwise (non-ASCII names sort by their characters) can only miss an entry,
/// never take a wrong one.
struct CacheMatch {
  /// For each path, its index in the listing when the commit has it and git does not report
  /// it changed (its content is the commit's); -1 otherwise.
  var unchanged: [Int]
  /// For each path, the cache entry that holds its tokens; -1 when none does.
  var cached: [Int]

  /// `paths` are sorted; `changed` are root-relative paths git reports changed.
  init(
    paths: [String], listing: GitTreeListing, changed: [String],
    cache: ReferenceCache
  ) {
    var unchanged = [Int](repeating: -1, count: paths.count)
    var cached = unchanged
    var isChanged = [Bool](repeating: false, count: paths.count)
    for path in changed {
      if let index = paths.sortedIndex(of: path) { isChanged[index] = true }
    }
    listing.withPaths { listed in
      cache.withPaths { entries in
        var next = (listed: 0, entry: 0)
        for index in paths.indices where !isChanged[index] {
          func step(_ path: UnsafeBufferPointer<UInt8>) {
            while next.listed < listed.count,
              listed.path(next.listed).byteOrder(comparedTo: path) < 0
            {
              next.listed += 1
            }
            guard next.listed < listed.count,
              listed.path(next.listed).byteOrder(comparedTo: path) == 0
            else { return }
            unchanged[index] = next.listed
            while next.entry < entries.count,
              entries.path(next.entry).byteOrder(comparedTo: path) < 0
            {
              next.entry += 1
            }
            if next.entry < entries.count,
              entries.path(next.entry).byteOrder(comparedTo: path) == 0,
              cache.id(at: next.entry) == listing.id(at: next.listed)
            {
              cached[index] = next.entry
            }
          }
          // A native string lends its bytes without a copy (and without retaining it).
          if paths[index].utf8.withContiguousStorageIfAvailable(step) == nil {
            var path = paths[index]
            path.withUTF8(step)
          }
        }
      }
    }
    self.unchanged = unchanged
    self.cached = cached
  }
}
