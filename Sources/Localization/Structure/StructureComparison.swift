import DocSite

/// One row of a source and a translation structure laid side by side.
public struct AlignedRow: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// Both have it.
    case same
    /// Both have an item here, and they differ.
    case changed
    /// The source has it, the translation does not.
    case missing
    /// The translation has it, the source does not.
    case extra
  }

  public var kind: Kind
  public var source: StructureItem?
  public var translation: StructureItem?
  /// Where the other file would have a missing or extra item.
  public enum Near: Sendable, Hashable {
    /// After the item of that aspect on this line.
    case after(Int)
    /// Before the item on this line (there is none of that aspect before it).
    case before(Int)
  }

  /// For a missing item, where in the translation it belongs; for an extra one, where in
  /// the source; `nil` when the other file has no item of that aspect at all.
  public var near: Near?
}

/// A difference between a source and its translation, in one aspect.
public struct StructureDifference: Sendable, Hashable {
  public var aspect: StructureAspect
  public var row: AlignedRow

  public init(aspect: StructureAspect, row: AlignedRow) {
    self.aspect = aspect
    self.row = row
  }

  /// The line in the translation the difference is at, or near.
  public var translationLine: Int {
    if let line = row.translation?.line { return line }
    switch row.near {
    case .after(let line), .before(let line): return line
    case nil: return 1
    }
  }

  /// One sentence with the line in each file, e.g. `include: sv-se line 24 has 'a.md'
  /// where en-us line 26 has 'b.md'`.
  public func note(sourceLocale: String, locale: String) -> String {
    let name = aspect.itemName
    switch row.kind {
    case .same:
      return ""
    case .changed:
      let source = row.source!
      let translation = row.translation!
      var text =
        "\(name): \(locale) line \(translation.line) has \(quoted(translation)) where \(sourceLocale) line \(source.line) has \(quoted(source))"
      if let detail = Self.firstDifference(source.body, translation.body) { text += "; " + detail }
      return text
    case .missing:
      let source = row.source!
      let place = Self.place(row.near, in: locale, aspect: aspect)
      return
        "\(name): \(sourceLocale) line \(source.line) has \(quoted(source)), missing from the translation (\(place))"
    case .extra:
      let translation = row.translation!
      let place = Self.place(row.near, in: sourceLocale, aspect: aspect)
      return
        "\(name): \(locale) line \(translation.line) has \(quoted(translation)), not in the source (\(place))"
    }
  }

  private static func place(_ near: AlignedRow.Near?, in locale: String, aspect: StructureAspect)
    -> String
  {
    switch near {
    case .after(let line): "expected after \(locale) line \(line)"
    case .before(let line): "expected before \(locale) line \(line)"
    case nil: "the \(locale) file has no \(aspect.itemName)s"
    }
  }

  private func quoted(_ item: StructureItem) -> String { "'\(item.label)'" }

  /// For code: the first line that differs, counted from the block's first line.
  static func firstDifference(_ source: String?, _ translation: String?) -> String? {
    guard let source, let translation else { return nil }
    let a = source.split(separator: "\n", omittingEmptySubsequences: false)
    let b = translation.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : nil
      let right = index < b.count ? String(b[index]) : nil
      guard left != right else { continue }
      func show(_ text: String?) -> String {
        guard let text else { return "(no line)" }
        return "'" + (text.count > 80 ? String(text.prefix(77)) + "..." : text) + "'"
      }
      return
        "first difference on line \(index + 1) of the block: \(show(right)) instead of \(show(left))"
    }
    return "the info strings differ"
  }
}

/// Aligns two structures item by item (longest common subsequence of keys), pairing
/// neighbouring removals and insertions as changes.
public enum StructureComparison {
  public static func align(source: [StructureItem], translation: [StructureItem]) -> [AlignedRow] {
    // Most translations keep every aspect as the source has it: row by row, no diff.
    if source.count == translation.count,
      zip(source, translation).allSatisfy({ $0.key == $1.key })
    {
      return zip(source, translation).map {
        AlignedRow(kind: .same, source: $0, translation: $1)
      }
    }
    let difference = translation.map(\.key).difference(from: source.map(\.key))
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var rows: [AlignedRow] = []
    var pendingRemoved: [Int] = []
    var pendingInserted: [Int] = []
    var lastSourceLine: Int?
    var lastTranslationLine: Int?

    func flush() {
      let removedItems = pendingRemoved.map { source[$0] }
      let insertedItems = pendingInserted.map { translation[$0] }
      var i = 0
      var j = 0
      func changed(_ a: Int, _ b: Int) {
        rows.append(
          AlignedRow(kind: .changed, source: removedItems[a], translation: insertedItems[b]))
        lastSourceLine = removedItems[a].line
        lastTranslationLine = insertedItems[b].line
      }
      // The items between two pairs: as many removed as inserted are the same items,
      // changed; otherwise each is missing or extra, in file order.
      func gap(upTo a: Int, _ b: Int) {
        if a - i == b - j {
          while i < a {
            changed(i, j)
            i += 1
            j += 1
          }
          return
        }
        while i < a {
          rows.append(
            AlignedRow(
              kind: .missing, source: removedItems[i], translation: nil,
              near: lastTranslationLine.map(AlignedRow.Near.after)))
          lastSourceLine = removedItems[i].line
          i += 1
        }
        while j < b {
          rows.append(
            AlignedRow(
              kind: .extra, source: nil, translation: insertedItems[j],
              near: lastSourceLine.map(AlignedRow.Near.after)))
          lastTranslationLine = insertedItems[j].line
          j += 1
        }
      }
      for (a, b) in pairs(removedItems, insertedItems) {
        gap(upTo: a, b)
        changed(a, b)
        i = a + 1
        j = b + 1
      }
      gap(upTo: removedItems.count, insertedItems.count)
      pendingRemoved.removeAll()
      pendingInserted.removeAll()
    }

    var i = 0
    var j = 0
    while i < source.count || j < translation.count {
      if i < source.count, removed.contains(i) {
        pendingRemoved.append(i)
        i += 1
      } else if j < translation.count, inserted.contains(j) {
        pendingInserted.append(j)
        j += 1
      } else {
        flush()
        guard i < source.count, j < translation.count else { break }
        rows.append(AlignedRow(kind: .same, source: source[i], translation: translation[j]))
        lastSourceLine = source[i].line
        lastTranslationLine = translation[j].line
        i += 1
        j += 1
      }
    }
    flush()
    // A missing or extra item with nothing before it in the other file: point at what
    // comes after it there instead.
    for index in rows.indices where rows[index].near == nil {
      switch rows[index].kind {
      case .missing:
        if let next = rows[index...].lazy.compactMap(\.translation).first {
          rows[index].near = .before(next.line)
        }
      case .extra:
        if let next = rows[index...].lazy.compactMap(\.source).first {
          rows[index].near = .before(next.line)
        }
      case .same, .changed:
        break
      }
    }
    return rows
  }

  /// The least similarity for a removed and an inserted item to count as one item changed.
  static let pairingThreshold = 0.5

  /// Which removed and inserted items of one run are the same item changed: the
  /// order-preserving pairing with the greatest total similarity (pairs below the
  /// threshold are not made). Large runs fall back to pairing by position.
  static func pairs(_ removed: [StructureItem], _ inserted: [StructureItem]) -> [(Int, Int)] {
    let n = removed.count
    let m = inserted.count
    guard n > 0, m > 0 else { return [] }
    guard n * m <= 10_000 else { return (0..<min(n, m)).map { ($0, $0) } }
    func text(_ item: StructureItem) -> String {
      item.body.map { item.label + "\n" + $0 } ?? item.label
    }
    var similarity = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
    for a in 0..<n {
      for b in 0..<m {
        similarity[a][b] = Suggestion.similarity(text(removed[a]), text(inserted[b]))
      }
    }
    // best[a][b]: the greatest total over removed[a...] and inserted[b...].
    var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
    for a in stride(from: n - 1, through: 0, by: -1) {
      for b in stride(from: m - 1, through: 0, by: -1) {
        var value = max(best[a + 1][b], best[a][b + 1])
        if similarity[a][b] >= pairingThreshold {
          value = max(value, similarity[a][b] + best[a + 1][b + 1])
        }
        best[a][b] = value
      }
    }
    var result: [(Int, Int)] = []
    var a = 0
    var b = 0
    while a < n, b < m {
      if similarity[a][b] >= pairingThreshold,
        best[a][b] == similarity[a][b] + best[a + 1][b + 1]
      {
        result.append((a, b))
        a += 1
        b += 1
      } else if best[a][b] == best[a + 1][b] {
        a += 1
      } else {
        b += 1
      }
    }
    return result
  }
}
