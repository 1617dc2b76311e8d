import CProcessControl
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Makes sure nothing a scenario starts outlives it, or docproof.
///
/// docproof (the executable) makes itself a child subreaper: a process whose parent ends is
/// handed to docproof, not to init, so everything a program started stays docproof's
/// descendant, those that ignore SIGTERM and those that left its process group with
/// `setsid` alike. When a run ends, times out or is cut off, what is left of it is killed
/// and reaped. docproof runs one scenario at a time, so its descendants then are that run's.
/// The groups of running programs are registered here, so that docproof, stopped by SIGINT,
/// SIGTERM or SIGHUP, stops them before it exits, with 128 + the signal's number.
public enum ProcessReaper {
  /// Whether this process is a subreaper (the executable makes it one; a library user that
  /// runs programs side by side does not, and its runs only kill their process groups).
  private static let subreaper = Atomic<Bool>(false)

  /// Makes this process a child subreaper and installs the signal handlers: call once, at
  /// the start of a command that runs programs.
  public static func takeCharge() {
    if docproof_become_subreaper() == 0 {
      subreaper.store(true, ordering: .releasing)
    }
    installSignalHandlers()
  }

  /// Process groups of programs running now.
  private static let groups = Mutex<Set<pid_t>>([])

  /// Records a running program's process group.
  public static func register(_ group: pid_t) {
    groups.withLock { _ = $0.insert(group) }
  }

  /// Kills what is left of a program (its process group, and, as subreaper, every
  /// descendant but `group` itself, which its runner reaps), reaps it, and forgets it.
  public static func finish(_ group: pid_t) {
    groups.withLock { _ = $0.remove(group) }
    killpg(group, SIGKILL)
    if subreaper.load(ordering: .acquiring) { sweep(sparing: group) }
  }

  /// Stops every registered program and every descendant: SIGTERM, a moment, then SIGKILL.
  public static func stopAll() {
    let running = groups.withLock { $0 }
    for group in running { killpg(group, SIGTERM) }
    if !running.isEmpty { usleep(300_000) }
    for group in running { killpg(group, SIGKILL) }
    if subreaper.load(ordering: .acquiring) { sweep(sparing: nil) }
  }

  /// Kills every descendant of this process and reaps those handed to it; `sparing`, a
  /// child someone else waits for, is killed but not reaped.
  static func sweep(sparing spared: pid_t?) {
    var pending = descendants()
    guard !pending.isEmpty else { return }
    for pid in pending { kill(pid, SIGKILL) }
    // The killed become this process's children as their parents die: reap them as they do.
    for _ in 0..<100 where !pending.isEmpty {
      pending.removeAll { pid in
        if pid == spared { return kill(pid, 0) != 0 }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        return reaped == pid || (reaped < 0 && errno == ECHILD && kill(pid, 0) != 0)
      }
      if !pending.isEmpty { usleep(10_000) }
    }
  }

  /// Every process descended from this one, from `/proc`.
  static func descendants() -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return []
    }
    var children: [pid_t: [pid_t]] = [:]
    for entry in entries {
      guard let pid = pid_t(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { continue }
      // `pid (name) state ppid ...`: the name may hold spaces and parentheses.
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
      children[parent, default: []].append(pid)
    }
    var found: [pid_t] = []
    var stack = children[getpid()] ?? []
    while let pid = stack.popLast() {
      found.append(pid)
      stack += children[pid] ?? []
    }
    return found
  }

  /// The signal docproof is stopping on (0 while it is not).
  private static let stopping = Atomic<Int32>(0)

  /// Exits with `status`, or, when docproof is stopping on a signal, with 128 + its number
  /// (the programs it ran were stopped first, and their ending must not decide the status).
  /// Keeps `value` alive until the process exits: for what a command built and would only
  /// free on its way out (a parsed tree), which costs more than the exit itself.
  public static func keepUntilExit(_ value: any Sendable) {
    kept.withLock { $0.append(value) }
  }

  private static let kept = Mutex<[any Sendable]>([])

  public static func exit(_ status: Int32) -> Never {
    let signal = stopping.load(ordering: .acquiring)
    Glibc.exit(signal != 0 ? 128 + signal : status)
  }

  /// Kept alive for the process's life: the sources that handle SIGINT, SIGTERM and SIGHUP.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// On SIGINT, SIGTERM or SIGHUP, docproof stops the programs it runs and exits with 128 +
  /// the signal's number, as a shell reports it.
  private static func installSignalHandlers() {
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        stopping.store(number, ordering: .releasing)
        stopAll()
        Glibc.exit(128 + number)
      }
      source.resume()
      sources.append(source)
    }
  }
}
