import DocModel
import DocSite

/// For one page: the pivot groups it names, the pivots they define, and every zone the
/// reader sees (the page's and its includes').
struct PivotUsage: Sendable {
  struct PlacedZone: Sendable {
    var file: String
    var zone: Zone
  }

  var page: String
  /// `zone_pivot_groups`, split on commas and not trimmed (as DocFX reads it).
  var groupNames: [String]
  var groupsLine: Int
  var definitions: PivotGroups?
  /// The definition file, or what was looked for when there is none.
  var definitionsLooked: String
  /// The groups found, in the order named.
  var groups: [PivotGroups.Group]
  var zones: [PlacedZone]

  /// Pivot ids the page's groups define.
  var definedPivots: [String] { groups.flatMap { $0.pivots.map(\.id) } }

  /// Every page's usage, in page order; pages in parallel chunks.
  static func all(pages: [(path: String, page: Page)], site: Site) async -> [PivotUsage] {
    await pages.concurrentChunks { chunk in chunk.map { usage(of: $0.path, $0.page, site: site) } }
      .flatMap { $0 }
  }

  private static func usage(of path: String, _ page: Page, site: Site) -> PivotUsage {
    // The page's own front matter, else what the build's metadata gives it.
    let written =
      page.frontMatter.string("zone_pivot_groups")
      ?? site.inheritedMetadata(of: path)["zone_pivot_groups"]?.value.scalarText
    let names =
      written.map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      } ?? []
    let (definitions, looked) = site.pivotDefinitions(forPage: path, page: page)
    let groups = names.compactMap { definitions?.group($0) }
    var zones: [PlacedZone] = []
    for (file, shown) in site.includes.shown(from: path) {
      for zone in shown.zones { zones.append(PlacedZone(file: file, zone: zone)) }
    }
    return PivotUsage(
      page: path, groupNames: names,
      groupsLine: page.frontMatter.entry("zone_pivot_groups")?.line ?? 1,
      definitions: definitions, definitionsLooked: looked, groups: groups, zones: zones)
  }
}
