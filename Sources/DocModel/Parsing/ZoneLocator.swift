/// An element of a page that a zone may hold: its line says which.
protocol ZoneMember {
  var line: Int { get }
  var zone: Int? { get set }
}

extension Include: ZoneMember {}
extension Heading: ZoneMember {}
extension Link: ZoneMember {}
extension Anchor: ZoneMember {}
extension CodeBlock: ZoneMember {}
extension ImageDirective: ZoneMember {}
extension CodeReference: ZoneMember {}

/// Finds the zone holding a line by binary search (zones never nest).
struct ZoneLocator {
  let zones: [Zone]

  /// The elements with their `zone` set from their line.
  func assign<Element: ZoneMember>(_ elements: [Element]) -> [Element] {
    // Most files have no zone (every include of a tree, for one): nothing to set then.
    if zones.isEmpty, !elements.contains(where: { $0.zone != nil }) { return elements }
    var elements = elements
    for index in elements.indices {
      elements[index].zone = self.index(containing: elements[index].line)
    }
    return elements
  }

  func index(containing line: Int) -> Int? {
    var low = 0
    var high = zones.count - 1
    var candidate: Int?
    while low <= high {
      let mid = (low + high) / 2
      if zones[mid].line < line {
        candidate = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    guard let candidate, line < (zones[candidate].endLine ?? Int.max) else { return nil }
    return candidate
  }
}
