import Algorithms

extension Array where Element: Comparable {
  /// Where `element` is in this array, which is sorted; `nil` when it is not there (a
  /// binary search).
  public func sortedIndex(of element: Element) -> Int? {
    let index = partitioningIndex { $0 >= element }
    return index < count && self[index] == element ? index : nil
  }
}
