/// A unified diff of two line lists, with line numbers that can start anywhere (so that a
/// transcript's lines are numbered as in its page).
public struct UnifiedDiff: Sendable {
  public enum Operation: Sendable, Equatable {
    case same(String, String)
    case removed(String)
    case added(String)
  }

  public let operations: [Operation]

  /// Diffs `old` against `new`; `equal` decides which lines correspond (a wildcard line
  /// equals any line it matches).
  public init(old: [String], new: [String], equal: (String, String) -> Bool = { $0 == $1 }) {
    // Lines alike at both ends correspond; only the middle is diffed.
    var prefix = 0
    while prefix < min(old.count, new.count), equal(old[prefix], new[prefix]) { prefix += 1 }
    var suffix = 0
    while suffix < min(old.count, new.count) - prefix,
      equal(old[old.count - 1 - suffix], new[new.count - 1 - suffix])
    {
      suffix += 1
    }
    let oldMiddle = old[prefix..<old.count - suffix]
    let newMiddle = new[prefix..<new.count - suffix]
    var removed: Set<Int> = []
    var inserted: Set<Int> = []
    // Myers' diff takes time in the sum of the lengths times the number of differences,
    // at least their difference in length: a few lines against a whole file (a snippet
    // against its new source) would take minutes. Past that bound the middle is shown
    // removed, then added: still a true diff, and the shortest one when the sides share
    // nothing.
    let work = (oldMiddle.count + newMiddle.count) * abs(oldMiddle.count - newMiddle.count)
    if work > Self.workBound || oldMiddle.isEmpty || newMiddle.isEmpty {
      removed = Set(oldMiddle.indices)
      inserted = Set(newMiddle.indices)
    } else {
      for change in newMiddle.difference(from: oldMiddle, by: equal) {
        switch change {
        case .remove(let offset, _, _): removed.insert(prefix + offset)
        case .insert(let offset, _, _): inserted.insert(prefix + offset)
        }
      }
    }
    // The lines neither removed nor inserted correspond, in order.
    var operations: [Operation] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count, removed.contains(i) || j == new.count {
        operations.append(.removed(old[i]))
        i += 1
      } else if j < new.count, inserted.contains(j) || i == old.count {
        operations.append(.added(new[j]))
        j += 1
      } else {
        operations.append(.same(old[i], new[j]))
        i += 1
        j += 1
      }
    }
    self.operations = operations
  }

  /// The most work (lengths times their difference) a diff is given before it shows the
  /// middle as replaced.
  static let workBound = 1 << 22

  /// Whether the two sides correspond line for line.
  public var isEmpty: Bool {
    operations.allSatisfy { if case .same = $0 { true } else { false } }
  }

  /// The diff text: `---`/`+++` headers and `@@` hunks with `context` lines around changes.
  /// `oldStart` and `newStart` are the numbers of the first line on each side.
  public func render(
    oldLabel: String, newLabel: String, oldStart: Int = 1, newStart: Int = 1, context: Int = 3
  ) -> String {
    guard !isEmpty else { return "" }
    var numbered: [(operation: Operation, old: Int, new: Int)] = []
    var oldLine = oldStart
    var newLine = newStart
    for operation in operations {
      numbered.append((operation, oldLine, newLine))
      switch operation {
      case .same:
        oldLine += 1
        newLine += 1
      case .removed: oldLine += 1
      case .added: newLine += 1
      }
    }
    let changed = numbered.indices.filter {
      if case .same = numbered[$0].operation { return false }
      return true
    }
    // Group changes whose contexts touch into hunks.
    var hunks: [ClosedRange<Int>] = []
    for index in changed {
      let range = max(0, index - context)...min(numbered.count - 1, index + context)
      if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
        hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        hunks.append(range)
      }
    }
    var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
    for hunk in hunks {
      let slice = numbered[hunk]
      let oldCount = slice.filter { if case .added = $0.operation { false } else { true } }.count
      let newCount = slice.filter { if case .removed = $0.operation { false } else { true } }.count
      let first = slice.first!
      text +=
        "@@ -\(oldCount == 0 ? first.old - 1 : first.old),\(oldCount) "
        + "+\(newCount == 0 ? first.new - 1 : first.new),\(newCount) @@\n"
      for entry in slice {
        switch entry.operation {
        case .same(let line, _): text += " \(line)\n"
        case .removed(let line): text += "-\(line)\n"
        case .added(let line): text += "+\(line)\n"
        }
      }
    }
    return text
  }
}
