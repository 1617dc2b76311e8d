/// What a set of requests got back: statuses per operation, and every answer that was not
/// the one expected.
struct Tally: Sendable {
  /// Operation name → status (0: a transport error) → count.
  var statuses: [String: [Int: Int]] = [:]
  var requests = 0
  var serverErrors = 0
  var unexpectedCount = 0
  /// The first unexpected answers, for the report.
  var unexpected: [String] = []

  /// Records an answer; `expected` lists the statuses that are right for it.
  mutating func record(_ operation: String, _ answer: SoakClient.Answer, expected: Set<Int>) {
    requests += 1
    let status = answer.status ?? 0
    statuses[operation, default: [:]][status, default: 0] += 1
    if status >= 500 { serverErrors += 1 }
    if !expected.contains(status) {
      note(
        "\(operation): got \(answer.status.map(String.init) ?? "no answer (\(answer.transportError ?? ""))"), "
          + "expected \(expected.sorted()): \(String(decoding: answer.body.prefix(200), as: UTF8.self))"
      )
    }
  }

  /// Records something that should not have happened.
  mutating func note(_ problem: String) {
    unexpectedCount += 1
    if unexpected.count < 20 { unexpected.append(problem) }
  }

  mutating func merge(_ other: Tally) {
    for (operation, counts) in other.statuses {
      statuses[operation, default: [:]].merge(counts, uniquingKeysWith: +)
    }
    requests += other.requests
    serverErrors += other.serverErrors
    unexpectedCount += other.unexpectedCount
    unexpected += other.unexpected.prefix(max(0, 20 - unexpected.count))
  }
}

/// A small deterministic random number generator (SplitMix64), one per worker.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
