import DocModel
import Synchronization

/// The bookmarks a reader can reach on each file: its own headings and anchors plus those
/// of everything it includes (across all pivots, since every zone is in the page), and
/// `top`. Computed once per file and kept; safe to share between concurrent checks.
public final class BookmarkIndex: Sendable {
  private let site: Site
  private let cache = Mutex<[String: Set<String>]>([:])

  public init(site: Site) { self.site = site }

  /// The bookmarks of the page that shows `file` and its includes.
  public func bookmarks(of file: String) -> Set<String> {
    if let known = cache.withLock({ $0[file] }) { return known }
    var ids: Set<String> = ["top"]
    for part in site.includes.expansion(from: file) {
      guard let page = site.files[part] else { continue }
      for heading in page.headings { ids.insert(heading.id) }
      for anchor in page.anchors { ids.insert(anchor.id) }
    }
    cache.withLock { $0[file] = ids }
    return ids
  }
}
