/// Did-you-mean suggestions by edit distance.
public enum Suggestion {
  /// The candidate closest to `word`, when it is close enough to be a likely typo: the
  /// nearest by edit distance, the first in `String` order of the nearest.
  /// `accepting`: a test a candidate must pass, asked only of those whose length and
  /// letters do not already rule them out.
  public static func closest<S: Sequence>(
    to word: String, in candidates: S, accepting: (String) -> Bool = { _ in true }
  ) -> String? where S.Element == String {
    Candidates(candidates).closest(to: word, accepting: accepting)
  }

  /// Names prepared once for many questions: a folder of thousands of files, asked about
  /// by every link that misses in it. A question reads their bytes and letter counts side
  /// by side, not each `String`.
  public struct Candidates: Sendable {
    public let names: [String]
    /// Every name's UTF-8 bytes, one name after the other.
    private let bytes: [UInt8]
    /// Where each name's bytes end in `bytes` (they start where the one before ends).
    private let ends: [Int]
    /// Each name's length in Unicode scalars.
    private let lengths: [Int]
    /// Whether each name is ASCII: compared byte by byte with an ASCII word, the same
    /// distance without decoding scalars.
    private let ascii: [Bool]
    /// Each name's `Signature`, one after the other.
    private let signatures: [UInt8]

    public init<S: Sequence>(_ candidates: S) where S.Element == String {
      names = Array(candidates)
      var bytes: [UInt8] = []
      var ends: [Int] = []
      var lengths: [Int] = []
      var ascii: [Bool] = []
      var signatures: [UInt8] = []
      signatures.reserveCapacity(names.count * Signature.width)
      for name in names {
        bytes.append(contentsOf: name.utf8)
        ends.append(bytes.count)
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        ascii.append(isASCII)
        lengths.append(isASCII ? name.utf8.count : name.unicodeScalars.count)
        Signature.append(name.utf8, to: &signatures)
      }
      self.bytes = bytes
      self.ends = ends
      self.lengths = lengths
      self.ascii = ascii
      self.signatures = signatures
    }

    /// `Suggestion.closest(to:in:accepting:)` among these names.
    public func closest(to word: String, accepting: (String) -> Bool = { _ in true }) -> String? {
      let target = Array(word.unicodeScalars)
      let asciiTarget = word.utf8.allSatisfy { $0 < 0x80 } ? Array(word.utf8) : nil
      var signature: [UInt8] = []
      Signature.append(word.utf8, to: &signature)
      // No candidate further than this is ever suggested (`limit` below is at most this).
      let ceiling = max(2, target.count / 3)
      // First a lower bound of each candidate's distance, cheap to compute: the difference
      // in length, and between ASCII names the signatures'. Then the distances in the order
      // of their bounds, until a bound exceeds the nearest distance found: any order finds
      // the same nearest (and the first of them in `String` order) as long as no candidate
      // is passed over whose distance could equal it, and in this order few are computed.
      var byBound = [[Int]](repeating: [], count: ceiling + 1)
      signature.withUnsafeBufferPointer { signature in
        signatures.withUnsafeBufferPointer { signatures in
          for index in names.indices {
            var bound = abs(lengths[index] - target.count)
            guard bound <= ceiling else { continue }
            if asciiTarget != nil, ascii[index] {
              let other = signatures.baseAddress! + index * Signature.width
              bound = max(bound, Signature.lowerBound(signature.baseAddress!, other))
              guard bound <= ceiling else { continue }
            }
            byBound[bound].append(index)
          }
        }
      }
      var best: (index: Int, distance: Int)?
      var rows = Rows()
      for (lowerBound, indices) in byBound.enumerated() {
        if let best, lowerBound > best.distance { break }
        for index in indices where accepting(names[index]) {
          let bound = best?.distance ?? ceiling
          let distance: Int
          if let asciiTarget, ascii[index] {
            distance = bytes.withUnsafeBufferPointer { bytes in
              asciiTarget.withUnsafeBufferPointer { word in
                editDistance(word, name(index, in: bytes), bound: bound, rows: &rows)
              }
            }
          } else {
            let scalars = Array(names[index].unicodeScalars)
            distance = target.withUnsafeBufferPointer { target in
              scalars.withUnsafeBufferPointer { scalars in
                editDistance(target, scalars, bound: bound, rows: &rows)
              }
            }
          }
          guard distance <= bound else { continue }
          if best == nil || distance < best!.distance
            || (distance == best!.distance && names[index] < names[best!.index])
          {
            best = (index, distance)
          }
        }
      }
      guard let (index, distance) = best else { return nil }
      let limit = max(2, min(target.count, lengths[index]) / 3)
      return distance <= limit && distance < max(target.count, 1) ? names[index] : nil
    }

    /// The bytes of the name at `index`.
    private func name(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>)
      -> UnsafeBufferPointer<UInt8>
    {
      UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }
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

  /// How often each class of byte occurs in an ASCII name, for a lower bound of the
  /// distance between two names: an edit changes the counts by at most two (a substitution
  /// takes one byte and adds another, an insertion or deletion moves one), so the distance
  /// is at least half the sum of the count differences. The classes are `byte & 31` (a
  /// letter and its capital share one, a digit shares one with a letter) and a count stops
  /// at 255, which only weakens the bound: 32 bytes a name, compared in one short loop.
  enum Signature {
    static let width = 32

    static func append(_ name: String.UTF8View, to signatures: inout [UInt8]) {
      let start = signatures.count
      signatures.append(contentsOf: repeatElement(0, count: width))
      for byte in name where signatures[start + Int(byte & 31)] < .max {
        signatures[start + Int(byte & 31)] += 1
      }
    }

    static func lowerBound(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Int {
      // Unchecked arithmetic on unsigned lanes (32 differences of at most 255 cannot
      // overflow), which the compiler turns into a few vector instructions.
      var sum: UInt32 = 0
      for lane in 0..<width { sum &+= UInt32(max(a[lane], b[lane]) &- min(a[lane], b[lane])) }
      return (Int(sum) + 1) / 2
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
    // A common prefix or suffix does not change the distance: only what lies between is
    // compared (file names of one folder often share both).
    var start = 0
    while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
    var endA = a.count
    var endB = b.count
    while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
      endA -= 1
      endB -= 1
    }
    let a = UnsafeBufferPointer(rebasing: a[start..<endA])
    let b = UnsafeBufferPointer(rebasing: b[start..<endB])
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
