/// Did-you-mean suggestions by edit distance.
public enum Suggestion {
  /// The candidate closest to `word`, when it is close enough to be a likely typo.
  /// `accepting`: a test a candidate must pass, asked only of those whose length does not
  /// already rule them out.
  public static func closest<S: Sequence>(
    to word: String, in candidates: S, accepting: (String) -> Bool = { _ in true }
  ) -> String? where S.Element == String {
    let target = Array(word.unicodeScalars)
    // An ASCII word is compared byte by byte with ASCII candidates (most file names and
    // ids): the same distance, without decoding each candidate's scalars.
    let asciiTarget = word.utf8.allSatisfy { $0 < 0x80 } ? Array(word.utf8) : nil
    // No candidate further than this is ever suggested (`limit` below is at most this), and
    // the edit distance is at least the difference in length: most candidates of a large
    // folder are ruled out without computing a distance.
    let ceiling = max(2, target.count / 3)
    var best: (String, Int)?
    // Reused for every candidate: a folder of thousands of names costs no allocation each.
    var scalars: [Unicode.Scalar] = []
    var rows = Rows()
    var letters = asciiTarget.map(LetterCounts.init)
    for candidate in candidates {
      let bound = min(best?.1 ?? ceiling, ceiling)
      // A candidate has at most as many scalars as UTF-8 bytes.
      guard candidate.utf8.count >= target.count - bound else { continue }
      let distance: Int
      if let word = asciiTarget,
        let known = asciiDistance(
          from: word, to: candidate, bound: bound, accepting: accepting, rows: &rows,
          letters: &letters!)
      {
        distance = known
      } else {
        scalars.removeAll(keepingCapacity: true)
        scalars.append(contentsOf: candidate.unicodeScalars)
        guard abs(scalars.count - target.count) <= bound, accepting(candidate) else { continue }
        distance = target.withUnsafeBufferPointer { target in
          scalars.withUnsafeBufferPointer { scalars in
            editDistance(target, scalars, bound: bound, rows: &rows)
          }
        }
      }
      guard distance <= bound else { continue }
      if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
        best = (candidate, distance)
      }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(2, min(target.count, candidate.unicodeScalars.count) / 3)
    return distance <= limit && distance < max(target.count, 1) ? candidate : nil
  }

  /// The distance from an ASCII `word` to `candidate` compared byte by byte, `.max` when
  /// its length or `accepting` rules it out; `nil` when the candidate is not ASCII (or its
  /// bytes are not contiguous), for the caller to compare scalars.
  private static func asciiDistance(
    from word: [UInt8], to candidate: String, bound: Int, accepting: (String) -> Bool,
    rows: inout Rows, letters: inout LetterCounts
  ) -> Int? {
    let distance = candidate.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      guard abs(bytes.count - word.count) <= bound,
        letters.lowerBound(to: bytes) <= bound, accepting(candidate)
      else { return .max }
      return word.withUnsafeBufferPointer { word in
        editDistance(word, bytes, bound: bound, rows: &rows)
      }
    }
    return distance ?? nil
  }

  /// How alike two texts are, from 0 (nothing in common) to 1 (equal): one minus the edit
  /// distance over the longer length. Only the first `limit` characters are compared.
  public static func similarity(_ a: String, _ b: String, limit: Int = 400) -> Double {
    let left = Array(a.unicodeScalars.prefix(limit))
    let right = Array(b.unicodeScalars.prefix(limit))
    let longest = max(left.count, right.count)
    guard longest > 0 else { return 1 }
    return 1 - Double(editDistance(left, right)) / Double(longest)
  }

  /// Levenshtein distance with two rows; past `bound` it stops early and returns a value
  /// above `bound` (not the distance).
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int = .max)
    -> Int
  {
    var rows = Rows()
    return a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in editDistance(a, b, bound: bound, rows: &rows) }
    }
  }

  /// How often each ASCII byte occurs in the word, for a lower bound of the distance to a
  /// candidate that costs one pass over it: an edit changes the counts by at most two (a
  /// substitution takes one byte and adds another, an insertion or deletion moves one), so
  /// the distance is at least half the sum of the count differences. In a folder of
  /// thousands of names of one length, this rules out most of them before the table.
  struct LetterCounts {
    private var word: [UInt8]
    /// The word's count of each byte; between calls, exactly that again.
    private var counts = [Int32](repeating: 0, count: 128)

    init(_ word: [UInt8]) {
      self.word = word
      for byte in word { counts[Int(byte)] += 1 }
    }

    /// A lower bound of the edit distance from the word to `candidate` (ASCII bytes).
    mutating func lowerBound(to candidate: UnsafeBufferPointer<UInt8>) -> Int {
      counts.withUnsafeMutableBufferPointer { counts in
        for byte in candidate { counts[Int(byte)] -= 1 }
        // Each byte's difference counted once, then set to zero: afterwards every entry
        // the two touched is zero, and adding the word's bytes restores its counts.
        var difference = 0
        for byte in candidate where counts[Int(byte)] < 0 {
          difference -= Int(counts[Int(byte)])
          counts[Int(byte)] = 0
        }
        for byte in word where counts[Int(byte)] > 0 {
          difference += Int(counts[Int(byte)])
          counts[Int(byte)] = 0
        }
        for byte in word { counts[Int(byte)] += 1 }
        return (difference + 1) / 2
      }
    }
  }

  /// The two rows of the distance table, kept between calls.
  struct Rows {
    var previous: [Int] = []
    var current: [Int] = []
  }

  static func editDistance<Element: Equatable>(
    _ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>, bound: Int,
    rows: inout Rows
  ) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    rows.previous.removeAll(keepingCapacity: true)
    rows.previous.append(contentsOf: 0...b.count)
    rows.current.removeAll(keepingCapacity: true)
    rows.current.append(contentsOf: repeatElement(0, count: b.count + 1))
    var previous = rows.previous
    var current = rows.current
    rows = Rows()
    defer { rows = Rows(previous: previous, current: current) }
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      // Every later row is at least this row's minimum.
      if rowMinimum > bound { return rowMinimum }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
