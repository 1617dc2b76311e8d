import Foundation

extension Array where Element: Sendable {
  /// Transforms contiguous chunks of the array in parallel (a few per core) and returns the
  /// results in chunk order, so that merging them gives what one serial pass gives.
  public func concurrentChunks<Result: Sendable>(
    _ transform: @escaping @Sendable (ArraySlice<Element>) async -> Result
  ) async -> [Result] {
    guard !isEmpty else { return [] }
    let pieces = Swift.min(count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
    let size = (count + pieces - 1) / pieces
    return await withTaskGroup(of: (Int, Result).self) { group in
      for (index, start) in stride(from: 0, to: count, by: size).enumerated() {
        let chunk = self[start..<Swift.min(start + size, count)]
        group.addTask { (index, await transform(chunk)) }
      }
      var results = [Result?](repeating: nil, count: (count + size - 1) / size)
      for await (index, result) in group { results[index] = result }
      return results.map { $0! }
    }
  }
}
