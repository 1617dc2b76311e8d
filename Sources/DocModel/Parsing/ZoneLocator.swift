import Algorithms

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
    // The last zone that starts before the line.
    let candidate = zones.partitioningIndex { $0.line >= line } - 1
    guard candidate >= 0, line < (zones[candidate].endLine ?? Int.max) else { return nil }
    return candidate
  }
}
