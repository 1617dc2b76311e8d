import DocModel
import Synchronization

/// The bookmarks a reader can reach on each file: its own headings and anchors plus those
/// of everything it includes (across all pivots, since every zone is in the page), and
/// `top`. Computed once per file and kept; safe to share between concurrent checks.
public final class BookmarkIndex: Sendable {
  private let site: Site
  private let cache = Mutex<[String: Set<String>]>([:])

  public init(site: Site) { self.site = site }

  /// Whether `id` is a bookmark of the page that shows `file` and its includes: looked for
  /// in their headings and anchors, without building the set and without the cache's lock
  /// (both cores ask at once), unless they hold more ids than a scan is worth.
  public func contains(_ id: String, on file: String) -> Bool {
    if id == "top" { return true }
    guard let number = site.includes.number(of: file) else { return false }
    return contains(id, on: file, number: number)
  }

  /// `contains(_:on:)` for a parsed file whose number (`IncludeGraph.number(of:)`) the
  /// caller has already looked up.
  public func contains(_ id: String, on file: String, number: Int) -> Bool {
    if id == "top" { return true }
    var scanned = 0
    var tooMany = false
    let found = site.includes.anyPageShown(from: number) { page in
      scanned += page.headings.count + page.anchors.count
      if scanned > Self.scanLimit {
        tooMany = true
        return true
      }
      return page.headings.contains { $0.id == id } || page.anchors.contains { $0.id == id }
    }
    return tooMany ? bookmarks(of: file).contains(id) : found
  }

  /// Past this many ids, a file's bookmarks are looked up in its set, built once.
  static let scanLimit = 64

  /// The bookmarks of the page that shows `file` and its includes.
  public func bookmarks(of file: String) -> Set<String> {
    if let known = cache.withLock({ $0[file] }) { return known }
    var ids: Set<String> = ["top"]
    for (_, page) in site.includes.shown(from: file) {
      for heading in page.headings { ids.insert(heading.id) }
      for anchor in page.anchors { ids.insert(anchor.id) }
    }
    cache.withLock { $0[file] = ids }
    return ids
  }
}
