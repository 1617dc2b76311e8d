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
    let n = old.count
    let m = new.count
    // Longest common subsequence; transcripts are small, and larger inputs are capped by
    // the caller.
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          table[i][j] =
            equal(old[i], new[j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
    }
    var operations: [Operation] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, equal(old[i], new[j]) {
        operations.append(.same(old[i], new[j]))
        i += 1
        j += 1
      } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
        operations.append(.removed(old[i]))
        i += 1
      } else {
        operations.append(.added(new[j]))
        j += 1
      }
    }
    self.operations = operations
  }

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
