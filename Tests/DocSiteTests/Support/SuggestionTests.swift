import DocSite
import TestSupport
import Testing

@Suite struct SuggestionTests {
  /// The suggestion before candidates were ruled out by length and distances cut short:
  /// every accepted candidate's full Levenshtein distance.
  static func naiveClosest(
    to word: String, in candidates: [String], accepting: (String) -> Bool = { _ in true }
  ) -> String? {
    func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
      var row = Array(0...b.count)
      for i in a.indices {
        var next = [i + 1]
        for j in b.indices {
          next.append(min(row[j + 1] + 1, next[j] + 1, row[j] + (a[i] == b[j] ? 0 : 1)))
        }
        row = next
      }
      return row[b.count]
    }
    let target = Array(word.unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates where accepting(candidate) {
      let d = distance(target, Array(candidate.unicodeScalars))
      if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
        best = (candidate, d)
      }
    }
    guard let (candidate, d) = best else { return nil }
    let limit = max(2, min(target.count, candidate.unicodeScalars.count) / 3)
    return d <= limit && d < max(target.count, 1) ? candidate : nil
  }

  @Test func suggestsTheClosestLikelyTypo() {
    let names = ["overview.md", "next-steps.md", "prerequisites.md", "setup.md"]
    #expect(Suggestion.closest(to: "overviw.md", in: names) == "overview.md")
    #expect(Suggestion.closest(to: "prerequisite.md", in: names) == "prerequisites.md")
    #expect(Suggestion.closest(to: "completely-different.md", in: names) == nil)
    #expect(Suggestion.closest(to: "x", in: [String]()) == nil)
    // Ties go to the name that sorts first.
    #expect(Suggestion.closest(to: "ab", in: ["ac", "aa"]) == "aa")
  }

  @Test func onlyAcceptedCandidatesAreSuggested() {
    let names = ["page-1.yml", "page-2.md", "page-1é.md"]
    // Two at distance 1: the first in order wins.
    #expect(Suggestion.closest(to: "page-1.md", in: names) == "page-1é.md")
    #expect(
      Suggestion.closest(to: "page-1.md", in: names, accepting: { !$0.contains("é") })
        == "page-2.md")
    #expect(
      Suggestion.closest(to: "page-1.md", in: names, accepting: { $0.hasSuffix(".yml") })
        == "page-1.yml")
    #expect(Suggestion.closest(to: "page-1.md", in: names, accepting: { _ in false }) == nil)
  }

  @Test func agreesWithTheFullDistanceOnEveryCandidate() {
    // Deterministic pseudo-random words over a small alphabet, so that near misses abound.
    var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(below: bound) }
    // A small alphabet with a non-ASCII letter (the scalar path beside the byte path), and
    // an ASCII one wide enough that the letter-count bound rules candidates out.
    var alphabet = Array("abcdé-.")
    func word() -> String {
      random.text(1 + next(14), from: alphabet)
    }
    for round in 0..<800 {
      if round == 400 { alphabet = Array("abcdefghij-.0123") }
      let candidates = (0..<next(30)).map { _ in word() }
      let target = word()
      #expect(
        Suggestion.closest(to: target, in: candidates)
          == Self.naiveClosest(to: target, in: candidates), "\(target) in \(candidates)")
    }
  }

  /// A folder's names prepared once and asked many questions, as `Nearby` asks them: names
  /// that differ from each other by an edit or two (letters, capitals, digits, a non-ASCII
  /// letter), so that lower bounds, ties and the order of the distances computed all matter.
  @Test func preparedCandidatesAgreeWithTheFullDistanceOnEveryQuestion() {
    var random = SplitMix64(seed: 0x2545_F491_4F6C_DD1D)
    func next(_ bound: Int) -> Int { random.next(below: bound) }
    let alphabet = Array("abcdeAB01é-.")
    func edited(_ word: String) -> String {
      var letters = Array(word)
      for _ in 0..<next(4) {
        let at = next(letters.count + 1)
        switch next(4) {
        case 0: letters.insert(alphabet[next(alphabet.count)], at: at)
        case 1 where at < letters.count: letters.remove(at: at)
        case 2 where at < letters.count: letters[at] = alphabet[next(alphabet.count)]
        case 3 where at + 1 < letters.count: letters.swapAt(at, at + 1)
        default: break
        }
      }
      return String(letters)
    }
    let bases = (0..<12).map { _ in random.text(4 + next(12), from: alphabet) }
    let names = Array(Set((0..<400).map { _ in edited(bases[next(bases.count)]) })).sorted()
    let candidates = Suggestion.Candidates(names)
    for question in 0..<600 {
      let word =
        next(5) == 0 ? random.text(next(16), from: alphabet) : edited(names[next(names.count)])
      let accepting: (String) -> Bool = question % 3 == 0 ? { !$0.hasSuffix(".") } : { _ in true }
      #expect(
        candidates.closest(to: word, accepting: accepting)
          == Self.naiveClosest(to: word, in: names, accepting: accepting), "\(word)")
    }
  }

  /// Letter counts stop at 255 in a signature: long runs of one letter still find the
  /// nearest name.
  @Test func longRunsOfOneLetter() {
    let names = [String(repeating: "a", count: 300), String(repeating: "a", count: 290) + "b"]
    let word = String(repeating: "a", count: 296)
    #expect(Suggestion.closest(to: word, in: names) == Self.naiveClosest(to: word, in: names))
    #expect(Suggestion.closest(to: word, in: names) == names[0])
  }
}
