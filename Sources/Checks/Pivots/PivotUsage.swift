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
  /// The groups found, in the order named.
  var groups: [PivotGroups.Group]
  var zones: [PlacedZone]

  /// Pivot ids the page's groups define.
  var definedPivots: [String] { groups.flatMap { $0.pivots.map(\.id) } }

  static func all(pages: [(path: String, page: Page)], site: Site) -> [PivotUsage] {
    pages.map { path, page in
      let names =
        page.frontMatter.string("zone_pivot_groups").map {
          $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        } ?? []
      let definitions = site.pivotGroups(for: site.locale(of: path))
      let groups = names.compactMap { definitions?.group($0) }
      var zones: [PlacedZone] = []
      for file in site.includes.expansion(of: path) {
        for zone in site.files[file]?.zones ?? [] {
          zones.append(PlacedZone(file: file, zone: zone))
        }
      }
      return PivotUsage(
        page: path, groupNames: names,
        groupsLine: page.frontMatter.entry("zone_pivot_groups")?.line ?? 1,
        definitions: definitions, groups: groups, zones: zones)
    }
  }
}
