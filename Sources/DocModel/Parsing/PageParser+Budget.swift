import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

extension PageParser {
  /// Files smaller than this are parsed directly: the parser's slow paths need a large
  /// paragraph of links and emphasis to show.
  static let budgetThreshold = 512 << 10

  /// The processor time a file of `byteCount` bytes may take: 5 seconds, and one more per MB
  /// (normal Markdown parses at tens of MB a second).
  static func budget(forBytes byteCount: Int) -> Duration {
    .seconds(5) + .milliseconds(byteCount / 1_000)
  }

  /// Parses a file, giving up when the parser takes longer than its budget: Debian's
  /// cmark-gfm 0.29.0.gfm.6 is quadratic on a long paragraph of links and emphasis, and
  /// one such page must not stall a run. The page is then one finding,
  /// naming the paragraph; the parse goes on in the background until the process ends.
  ///
  /// The budget counts the parsing thread's processor time, not the clock's: on a loaded
  /// machine (a CI runner, a parallel test run) a large ordinary page may wait for a core
  /// far longer than it parses, and must not become a finding that comes and goes. The
  /// clock only bounds a thread that gets no processor at all, at ten times the budget.
  public static func parse(bytes: [UInt8], path: String, withinBudget: Bool) -> Page {
    guard withinBudget, bytes.count >= budgetThreshold else {
      return parse(bytes: bytes, path: path)
    }
    let result = Mutex<Page?>(nil)
    let cpuClock = Mutex<clockid_t?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      var clock = clockid_t()
      if pthread_getcpuclockid(pthread_self(), &clock) == 0 {
        cpuClock.withLock { $0 = clock }
      }
      let page = parse(bytes: bytes, path: path)
      // The clock id is the thread's: no longer read once the page is there.
      result.withLock { $0 = page }
      done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    let budget = budget(forBytes: bytes.count)
    let wallLimit = ContinuousClock.now + budget * 10
    while ContinuousClock.now < wallLimit {
      if done.wait(timeout: .now() + 0.25) == .success {
        if let page = result.withLock({ $0 }) { return page }
        break
      }
      if result.withLock({ $0 != nil }) { continue }
      guard let clock = cpuClock.withLock({ $0 }) else { continue }
      var spent = timespec()
      // Read under the result's lock, so that the thread cannot have ended meanwhile.
      let read = result.withLock { page in
        page == nil && clock_gettime(clock, &spent) == 0
      }
      if read, Duration.seconds(spent.tv_sec) + .nanoseconds(spent.tv_nsec) > budget { break }
    }
    if let page = result.withLock({ $0 }) { return page }
    return Page(
      path: path, lineCount: SourceText(bytes: bytes).lineCount,
      diagnostics: [tooComplex(bytes, path: path, budget: budget)])
  }

  /// The finding for a file the parser did not finish in time, naming its longest
  /// paragraph: where it starts, its size, its links and emphasis delimiters.
  static func tooComplex(_ bytes: [UInt8], path: String, budget: Duration) -> Diagnostic {
    var best = (line: 1, length: 0, brackets: 0, emphasis: 0)
    var current = (line: 1, length: 0, brackets: 0, emphasis: 0)
    var line = 1
    var lineIsBlank = true
    var lineStart = true
    for byte in bytes {
      if lineStart {
        lineIsBlank = true
        lineStart = false
      }
      if byte == 0x0A {
        if lineIsBlank {
          if current.length > best.length { best = current }
          current = (line + 1, 0, 0, 0)
        }
        line += 1
        lineStart = true
        continue
      }
      if byte != 0x20, byte != 0x09, byte != 0x0D { lineIsBlank = false }
      if current.length == 0, lineIsBlank { current.line = line }
      current.length += 1
      if byte == UInt8(ascii: "[") { current.brackets += 1 }
      if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") { current.emphasis += 1 }
    }
    if current.length > best.length { best = current }
    return FileTooComplex.notFinished(
      seconds: budget.seconds, paragraph: (best.length, best.brackets, best.emphasis)
    ).at(path, line: best.line)
  }
}
