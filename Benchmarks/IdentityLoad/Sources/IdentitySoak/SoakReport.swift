import Foundation

/// The figures of a soak and whether every check held.
struct SoakReport {
  /// One sample of the emulator, taken every second.
  struct Sample: Sendable {
    var seconds: Double
    var residentKiB: Int
    var connections: Int
  }

  let settings: SoakRun.Settings
  let mixedSeconds: Double
  let mixedRequests: Int
  let tally: Tally
  let identities: Int
  let uniqueIdentities: Int
  let deletedIdentities: Int
  let tokens: Int
  let adversary: Adversary.Outcome
  let idleFlood: Adversary.IdleFlood
  let residentAtStartKiB: Int
  let samples: [Sample]
  /// The steady phase, in seconds since the start.
  let steadyWindow: (Double, Double)
  let emulatorAlive: Bool

  var peakConnections: Int { samples.map(\.connections).max() ?? 0 }
  var peakResidentKiB: Int { samples.map(\.residentKiB).max() ?? 0 }

  /// The median resident size over the first and the last quarter of the steady phase.
  var steadyResident: (first: Int, last: Int) {
    let (from, to) = steadyWindow
    let quarter = (to - from) / 4
    func median(_ range: ClosedRange<Double>) -> Int {
      let values = samples.filter { range.contains($0.seconds) }.map(\.residentKiB).sorted()
      return values.isEmpty ? 0 : values[values.count / 2]
    }
    return (median(from...from + quarter), median(to - quarter...to))
  }

  /// Memory is stable when the steady phase ends within 5% (plus 4 MiB of allocator slack)
  /// of where it began.
  var memoryStable: Bool {
    let (first, last) = steadyResident
    return first > 0 && Double(last) <= Double(first) * 1.05 + 4096
  }

  var checks: [(String, Bool)] {
    [
      ("every answer as expected (\(tally.unexpectedCount) not)", tally.unexpectedCount == 0),
      ("zero 5xx (\(tally.serverErrors))", tally.serverErrors == 0),
      (
        "\(settings.connections) connections held at once (peak \(peakConnections))",
        peakConnections >= settings.connections
      ),
      (
        "identity ids unique (\(uniqueIdentities) of \(identities))", uniqueIdentities == identities
      ),
      (
        "replay: accepted twice within the window, refused after it",
        adversary.replayAcceptedWithinWindow == 2 && adversary.replayRefusedOutsideWindow == 1
      ),
      (
        "10 MB bodies refused (\(adversary.bigBodiesRefused) of \(adversary.bigBodies))",
        adversary.bigBodies > 0 && adversary.bigBodiesRefused == adversary.bigBodies
      ),
      (
        "slow clients cut off with 408 within the read timeout + 2 s "
          + "(\(adversary.slowClients408) of \(adversary.slowClients))",
        adversary.slowClients > 0 && adversary.slowClients408 == adversary.slowClients
          && adversary.slowClientCloseSeconds.allSatisfy { $0 <= settings.readTimeout + 2 }
      ),
      (
        "idle flood: \(idleFlood.refusedAtOnce) past the limit refused at once, every "
          + "connection closed within the read timeout + 2 s",
        idleFlood.opened == settings.maxConnections && idleFlood.refusedAtOnce > 0
          && idleFlood.closeSeconds.allSatisfy { $0 <= settings.readTimeout + 2 }
          && (settings.tls || idleFlood.refused503 == idleFlood.refusedAtOnce)
      ),
      ("memory stable in the steady phase", memoryStable),
      ("the emulator still runs", emulatorAlive),
    ]
  }

  var passed: Bool { checks.allSatisfy(\.1) }

  var text: String {
    let mib = { (kib: Int) in String(format: "%.1f MiB", Double(kib) / 1024) }
    let (steadyFirst, steadyLast) = steadyResident
    let afterMixed = samples.last { $0.seconds <= steadyWindow.0 }?.residentKiB ?? 0
    let closeTimes = adversary.slowClientCloseSeconds.sorted()
    let floodTimes = idleFlood.closeSeconds.sorted()
    var lines = [
      "identity-soak: \(settings.connections) connections, \(Int(settings.duration.seconds)) s "
        + "mixed + \(Int(settings.steady.seconds)) s steady, \(settings.tls ? "HTTPS" : "HTTP"), "
        + "date window \(Int(settings.clockSkew)) s, read timeout \(Int(settings.readTimeout)) s, "
        + "connection limit \(settings.maxConnections)",
      "mixed phase      \(mixedRequests) requests in \(String(format: "%.1f", mixedSeconds)) s = "
        + "\(String(format: "%.0f", Double(mixedRequests) / mixedSeconds)) req/s",
      "all requests     \(tally.requests), 5xx: \(tally.serverErrors), unexpected: "
        + "\(tally.unexpectedCount)",
      "identities       \(identities) created (\(uniqueIdentities) unique), "
        + "\(deletedIdentities) deleted; \(tokens) tokens, every one introspected at the end",
      "connections      peak \(peakConnections) established at the emulator",
      "memory (RSS)     start \(mib(residentAtStartKiB)), after mixed \(mib(afterMixed)), "
        + "peak \(mib(peakResidentKiB)); steady phase \(mib(steadyFirst)) -> \(mib(steadyLast))",
      "replay           within window: \(adversary.replayAcceptedWithinWindow) accepted; "
        + "outside: \(adversary.replayRefusedOutsideWindow) refused",
      "10 MB bodies     \(adversary.bigBodiesRefused) of \(adversary.bigBodies) refused "
        + "(413 or closed while sending)",
      "slow clients     \(adversary.slowClients408) of \(adversary.slowClients) got 408; closed "
        + "after \(String(format: "%.1f", closeTimes.first ?? 0))-"
        + "\(String(format: "%.1f", closeTimes.last ?? 0)) s",
      "idle flood       \(idleFlood.opened) silent connections opened (\(idleFlood.notConnected) "
        + "could not connect): \(idleFlood.refusedAtOnce) refused at once (\(idleFlood.refused503) "
        + "with 503), the others closed after "
        + "\(String(format: "%.1f", floodTimes.first { $0 >= 2 } ?? 0))-"
        + "\(String(format: "%.1f", floodTimes.last ?? 0)) s",
      "statuses:",
    ]
    for (operation, counts) in tally.statuses.sorted(by: { $0.key < $1.key }) {
      let list = counts.sorted { $0.key < $1.key }.map {
        "\($0.key == 0 ? "closed" : String($0.key)) x\($0.value)"
      }
      lines.append(
        "  \(operation.padding(toLength: 24, withPad: " ", startingAt: 0)) "
          + list.joined(separator: ", "))
    }
    lines += checks.map { "\($0.1 ? "ok  " : "FAIL") \($0.0)" }
    lines += tally.unexpected.map { "  unexpected: \($0)" }
    lines.append(passed ? "PASS" : "FAIL")
    return lines.joined(separator: "\n")
  }
}
