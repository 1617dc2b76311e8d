import Foundation

/// Computes the fixed text of a drifting transcript block: the golden output, keeping the
/// page's own lines (its realistic ids and timestamps, its `[..]` and `...`) wherever they
/// still match, so that a fix changes only what drifted.
public enum TranscriptFixer {
  public static func fixedText(page: String, golden: String, normalizer: Normalizer) -> String {
    let pageLines = Normalizer.lines(of: page)
    let shown = normalizer.normalize(page)
    let goldenLines = Normalizer.lines(of: golden)
    let expected = normalizer.normalize(golden)
    let raw = Array(pageLines.prefix(shown.count))
    // Lines taken from the golden file get the page's own value for each placeholder (its
    // identity ids, its SDK's timestamp format, its token style), so the fixed block reads
    // like the rest of the page and matches on the next run.
    var pageValues: [String: String] = [:]
    for (value, placeholder) in normalizer.placeholders(in: page)
    where pageValues[placeholder] == nil {
      pageValues[placeholder] = value
    }
    let goldenValues = normalizer.placeholders(in: golden)
      .sorted { $0.value.count > $1.value.count }
    let goldenRaw = goldenLines.prefix(expected.count).map { line -> String in
      var result = line
      for (value, placeholder) in goldenValues where result.contains(value) {
        if let replacement = pageValues[placeholder] {
          result = result.replacingOccurrences(of: value, with: replacement)
        }
      }
      return result
    }
    let n = shown.count
    let m = expected.count
    // cost[i][j]: fewest edits to turn shown[i...] into a match of expected[j...].
    let infinity = Int.max / 4
    var cost = [[Int]](repeating: [Int](repeating: infinity, count: m + 1), count: n + 1)
    cost[n][m] = 0
    for i in stride(from: n, through: 0, by: -1) {
      for j in stride(from: m, through: 0, by: -1) where !(i == n && j == m) {
        var best = infinity
        if i < n, TranscriptMatcher.isEllipsis(shown[i]) {
          best = min(best, cost[i + 1][j])
          if j < m { best = min(best, cost[i][j + 1]) }
        }
        if i < n, j < m, TranscriptMatcher.lineMatches(shown[i], expected[j]) {
          best = min(best, cost[i + 1][j + 1])
        }
        if i < n { best = min(best, cost[i + 1][j] + 1) }
        if j < m { best = min(best, cost[i][j + 1] + 1) }
        cost[i][j] = best
      }
    }
    var output: [String] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, TranscriptMatcher.isEllipsis(shown[i]) {
        if j < m, cost[i][j] == cost[i][j + 1] {
          j += 1
          continue
        }
        if cost[i][j] == cost[i + 1][j] {
          output.append(raw[i])
          i += 1
          continue
        }
      }
      if i < n, j < m, TranscriptMatcher.lineMatches(shown[i], expected[j]),
        cost[i][j] == cost[i + 1][j + 1]
      {
        output.append(raw[i])
        i += 1
        j += 1
      } else if j < m, cost[i][j] == cost[i][j + 1] + 1 {
        output.append(goldenRaw[j])
        j += 1
      } else {
        i += 1
      }
    }
    return output.joined(separator: "\n") + "\n"
  }
}
