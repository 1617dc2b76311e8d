extension Array where Element: Comparable {
  /// Where `element` is in this array, which is sorted; `nil` when it is not there (a
  /// binary search).
  public func sortedIndex(of element: Element) -> Int? {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < element { low = middle + 1 } else { high = middle }
    }
    return low < count && self[low] == element ? low : nil
  }
}
