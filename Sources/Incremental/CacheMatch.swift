import DocSite

/// Which of a scan's files the commit's listing and the reference cache know.
///
/// The three are walked side by side, each sorted by path. The listing is in git's order,
/// by the bytes of the paths, and is walked comparing bytes: a path's object id is the
/// listing's only for exactly its bytes. The cache is in the scan's order and is walked
/// comparing strings; an entry is taken only when its object id is the one the listing
/// gives the path, so its tokens are those of the file's content whichever path wrote them.
/// Paths that sort otherwise as bytes than as strings (a decomposed accent) can only miss
/// an entry, never take a wrong one.
struct CacheMatch {
  /// For each path, its index in the listing when the commit has it and git does not report
  /// it changed (its content is the commit's); -1 otherwise.
  var unchanged: [Int]
  /// For each path, the cache entry that holds its tokens; -1 when none does.
  var cached: [Int]

  /// `paths` are sorted; `changed` are root-relative paths git reports changed.
  init(paths: [String], listing: GitTreeListing, changed: [String], cache: ReferenceCache) {
    var unchanged = [Int](repeating: -1, count: paths.count)
    var cached = unchanged
    var isChanged = [Bool](repeating: false, count: paths.count)
    for path in changed {
      if let index = paths.sortedIndex(of: path) { isChanged[index] = true }
    }
    // The first listing entry, and the first cache entry, not before the path at hand.
    var listed = 0
    var entry = 0
    let entries = cache.entries
    listing.withPaths { listedPaths in
      for index in paths.indices where !isChanged[index] {
        var path = paths[index]
        let isListed = path.withUTF8 { bytes in
          while listed < listedPaths.count,
            listedPaths.path(listed).byteOrder(comparedTo: bytes) < 0
          {
            listed += 1
          }
          return listed < listedPaths.count
            && listedPaths.path(listed).byteOrder(comparedTo: bytes) == 0
        }
        guard isListed else { continue }
        unchanged[index] = listed
        while entry < entries.count, entries[entry].path < path { entry += 1 }
        if entry < entries.count, entries[entry].path == path,
          entries[entry].id == listing.id(at: listed)
        {
          cached[index] = entry
        }
      }
    }
    self.unchanged = unchanged
    self.cached = cached
  }
}
