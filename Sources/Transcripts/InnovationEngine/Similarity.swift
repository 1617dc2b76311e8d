import Foundation

/// The similarity measures Innovation Engine (`ie test`) compares a command's output with
/// its expected result by: Jaro-Winkler for text (smetrics, boost threshold 0.7, prefix 4),
/// Jaro for JSON after both sides are put in one canonical form. Byte-wise, as its Go code is.
public enum Similarity {
  /// The Jaro similarity of two byte strings, from 0 (nothing alike) to 1 (equal).
  public static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
    if a.isEmpty && b.isEmpty { return 1 }
    if a.isEmpty || b.isEmpty { return 0 }
    let range = max(0, max(a.count, b.count) / 2 - 1)
    var matchedA = [Bool](repeating: false, count: a.count)
    var matchedB = [Bool](repeating: false, count: b.count)
    var matches = 0
    for i in a.indices {
      let low = max(0, i - range)
      let high = min(b.count - 1, i + range)
      guard low <= high else { continue }
      for j in low...high where !matchedB[j] && a[i] == b[j] {
        matchedA[i] = true
        matchedB[j] = true
        matches += 1
        break
      }
    }
    guard matches > 0 else { return 0 }
    var unaligned = 0
    var j = 0
    for i in a.indices where matchedA[i] {
      while !matchedB[j] { j += 1 }
      if a[i] != b[j] { unaligned += 1 }
      j += 1
    }
    let m = Double(matches)
    let transpositions = Double(unaligned / 2)
    return (m / Double(a.count) + m / Double(b.count) + (m - transpositions) / m) / 3
  }

  /// The Jaro-Winkler similarity: Jaro, raised for a common prefix (up to `prefixSize`
  /// bytes) when Jaro is above `boostThreshold`.
  public static func jaroWinkler(
    _ a: [UInt8], _ b: [UInt8], boostThreshold: Double = 0.7, prefixSize: Int = 4
  ) -> Double {
    let score = jaro(a, b)
    guard score > boostThreshold else { return score }
    var prefix = 0
    while prefix < min(prefixSize, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    return score + 0.1 * Double(prefix) * (1 - score)
  }

  /// A JSON object in one canonical form (keys sorted, no spaces), or `nil` when the text
  /// is not a JSON object (Innovation Engine then fails the comparison).
  public static func canonicalJSON(_ text: String) -> String? {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
