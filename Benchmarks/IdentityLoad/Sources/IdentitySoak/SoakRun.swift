import Foundation
import Synchronization

/// One soak of a running emulator: the mixed phase with the attacks beside it, the steady
/// phase, the final check, and the memory and connection samples throughout.
struct SoakRun {
  struct Settings: Sendable {
    var connections: Int
    var duration: Duration
    var steady: Duration
    var clockSkew: TimeInterval
    var readTimeout: TimeInterval
    var maxConnections: Int
    var tls: Bool
  }

  let emulator: EmulatorProcess
  let settings: Settings

  func run() async throws -> SoakReport {
    // One client, so one connection, per worker; the attacks have a pool of their own.
    let clients = try (0..<settings.connections).map { _ in
      try SoakClient(
        connectionString: emulator.connectionString, certificateFile: emulator.certificateFile,
        connections: 1)
    }
    let client = try SoakClient(
      connectionString: emulator.connectionString, certificateFile: emulator.certificateFile,
      connections: 40)
    guard let port = client.endpoint.port else { throw SoakFailure("the emulator names no port") }
    let adversary = Adversary(
      client: client, port: port, certificateFile: emulator.certificateFile,
      clockSkew: settings.clockSkew, readTimeout: settings.readTimeout)
    let samples = Mutex<[SoakReport.Sample]>([])
    let start = ContinuousClock.now
    let sampler = Task {
      while !Task.isCancelled {
        let sample = SoakReport.Sample(
          seconds: start.duration(to: .now).seconds, residentKiB: emulator.residentKiB() ?? 0,
          connections: establishedConnections(toPort: port))
        samples.withLock { $0.append(sample) }
        try? await Task.sleep(for: .seconds(1))
      }
    }
    let residentAtStart = emulator.residentKiB() ?? 0

    // The mixed phase, with the attacks at fixed times beside it.
    let mixedEnd = start + settings.duration
    async let attacks = attack(adversary, start: start)
    var workers = await Self.each(
      clients.enumerated().map { index, client in
        Worker(index: index, client: client, clockSkew: settings.clockSkew)
      }
    ) { worker in await worker.mixed(until: mixedEnd) }
    let adversaryOutcome = await attacks
    let mixedSeconds = start.duration(to: .now).seconds
    let mixedRequests = workers.reduce(0) { $0 + $1.tally.requests }

    // The steady phase: no state grows, so neither may the emulator's memory.
    let steadyStart = ContinuousClock.now
    workers = await Self.each(workers) { worker in
      await worker.steady(until: steadyStart + settings.steady)
    }
    let steadyWindow = (start.duration(to: steadyStart).seconds, start.duration(to: .now).seconds)

    // The idle flood: as many silent connections as the limit, beside the workers' own.
    let flood = await adversary.idleFlood(count: settings.maxConnections)

    // The final check of every identity and token.
    workers = await Self.each(workers) { worker in await worker.verifyAll() }
    var tally = adversaryOutcome.tally
    for id in adversaryOutcome.created {
      let answer = await client.send(.POST, SoakClient.identityPath(id, "/:revokeAccessTokens"))
      tally.record("final: replayed identity", answer, expected: [204])
    }
    sampler.cancel()
    _ = await sampler.result
    await client.shutdown()
    for client in clients { await client.shutdown() }

    for worker in workers { tally.merge(worker.tally) }
    let created = workers.flatMap(\.model.created) + adversaryOutcome.created
    return SoakReport(
      settings: settings, mixedSeconds: mixedSeconds, mixedRequests: mixedRequests,
      tally: tally, identities: created.count, uniqueIdentities: Set(created).count,
      deletedIdentities: workers.reduce(0) { $0 + $1.model.deleted.count },
      tokens: workers.reduce(0) { $0 + $1.model.tokens.count },
      adversary: adversaryOutcome, idleFlood: flood, residentAtStartKiB: residentAtStart,
      samples: samples.withLock { $0 }, steadyWindow: steadyWindow,
      emulatorAlive: emulator.residentKiB() != nil)
  }

  /// The replay (at once), big bodies (after 20 s and half way) and slow clients (after
  /// 40 s), all inside the mixed phase.
  private func attack(_ adversary: Adversary, start: ContinuousClock.Instant) async
    -> Adversary.Outcome
  {
    let half = settings.duration / 2
    async let replay = adversary.replay()
    async let bodies: Adversary.Outcome = {
      try? await Task.sleep(until: start + .seconds(20))
      var first = await adversary.bigBodies(count: 20)
      try? await Task.sleep(until: start + half)
      let second = await adversary.bigBodies(count: 20)
      first.merge(second)
      return first
    }()
    async let slow: Adversary.Outcome = {
      try? await Task.sleep(until: start + .seconds(40))
      return await adversary.slowClients(count: 50)
    }()
    var outcome = await replay
    outcome.merge(await bodies)
    outcome.merge(await slow)
    return outcome
  }

  /// Runs `operation` on every worker concurrently and returns them, in order.
  static func each(
    _ workers: [Worker], _ operation: @escaping @Sendable (inout Worker) async -> Void
  ) async -> [Worker] {
    await withTaskGroup(of: (Int, Worker).self) { group in
      for (index, worker) in workers.enumerated() {
        group.addTask {
          var worker = worker
          await operation(&worker)
          return (index, worker)
        }
      }
      var done = workers
      for await (index, worker) in group { done[index] = worker }
      return done
    }
  }
}

extension Adversary.Outcome {
  mutating func merge(_ other: Adversary.Outcome) {
    tally.merge(other.tally)
    created += other.created
    replayAcceptedWithinWindow += other.replayAcceptedWithinWindow
    replayRefusedOutsideWindow += other.replayRefusedOutsideWindow
    bigBodies += other.bigBodies
    bigBodiesRefused += other.bigBodiesRefused
    slowClients += other.slowClients
    slowClientCloseSeconds += other.slowClientCloseSeconds
    slowClients408 += other.slowClients408
  }
}
