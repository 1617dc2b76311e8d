import CommunicationIdentity
import Foundation

/// One of the soak's concurrent clients: it runs mixed operations on identities it alone
/// owns, keeps a model of what each identity and token must be, and checks the emulator
/// against that model during the run and at the end.
struct Worker: Sendable {
  /// What the worker believes about its identities and tokens.
  struct Model: Sendable {
    var live: [String] = []
    var liveIndex: [String: Int] = [:]
    var deleted: Set<String> = []
    /// How many times each identity's tokens were revoked.
    var revocations: [String: Int] = [:]
    /// Every token issued, with its identity and the identity's revocation count then.
    var tokens: [(token: String, identity: String, revocationsAtIssue: Int)] = [] {
      didSet { if let last = tokens.last { latestIssue[last.token] = tokens.count - 1 } }
    }
    /// The last time each token text was issued. Tokens are JWTs of claims with one-second
    /// times and no nonce, so one issued to the same identity within the same second is the
    /// same text; the emulator (like the service) judges it by its latest issue.
    var latestIssue: [String: Int] = [:]
    /// Every id the emulator returned, to check uniqueness across workers.
    var created: [String] = []

    mutating func add(_ id: String) {
      liveIndex[id] = live.count
      live.append(id)
      created.append(id)
    }

    mutating func delete(_ id: String) {
      guard let index = liveIndex.removeValue(forKey: id) else { return }
      let last = live.removeLast()
      if last != id {
        live[index] = last
        liveIndex[last] = index
      }
      deleted.insert(id)
    }

    /// What the emulator's introspection must say about token `index`.
    func expectedStatus(ofToken index: Int) -> String {
      let token = tokens[latestIssue[tokens[index].token] ?? index]
      if deleted.contains(token.identity) { return "identityDeleted" }
      return revocations[token.identity, default: 0] > token.revocationsAtIssue
        ? "revoked" : "active"
    }
  }

  let client: SoakClient
  let clockSkew: TimeInterval
  var model = Model()
  var tally = Tally()
  var random: SplitMix64

  init(index: Int, client: SoakClient, clockSkew: TimeInterval) {
    self.client = client
    self.clockSkew = clockSkew
    random = SplitMix64(seed: UInt64(index) &* 0x1234_5678_9ABC_DEF1 &+ 1)
  }

  // MARK: The mixed phase

  /// Runs weighted random operations until `deadline`.
  mutating func mixed(until deadline: ContinuousClock.Instant) async {
    while ContinuousClock.now < deadline {
      let roll = Int.random(in: 0..<100, using: &random)
      switch roll {
      case 0..<25: await create(withToken: false)
      case 25..<35: await create(withToken: true)
      case 35..<55: await issue()
      case 55..<62: await revoke()
      case 62..<72: await delete()
      case 72..<84: await introspect()
      default: await adversarial()
      }
    }
  }

  /// State-neutral operations until `deadline`: introspection checked against the model,
  /// and requests the emulator must refuse. The emulator's memory must not grow meanwhile.
  mutating func steady(until deadline: ContinuousClock.Instant) async {
    while ContinuousClock.now < deadline {
      if Int.random(in: 0..<2, using: &random) == 0 {
        await introspect()
      } else {
        await adversarial()
      }
    }
  }

  mutating func create(withToken: Bool) async {
    let answer = await client.send(
      .POST, "/identities?api-version=2023-10-01",
      json: withToken ? #"{"createTokenWithScopes":["voip"]}"# : "{}")
    tally.record(withToken ? "create+token" : "create", answer, expected: [201])
    guard answer.status == 201, let json = answer.json(),
      let id = (json["identity"] as? [String: Any])?["id"] as? String
    else { return }
    model.add(id)
    if withToken {
      guard let token = (json["accessToken"] as? [String: Any])?["token"] as? String else {
        tally.note("create+token: no accessToken.token in \(json)")
        return
      }
      model.tokens.append((token, id, 0))
    }
  }

  mutating func issue() async {
    guard let id = model.live.randomElement(using: &random) else {
      return await create(withToken: false)
    }
    let answer = await client.send(
      .POST, SoakClient.identityPath(id, "/:issueAccessToken"), json: #"{"scopes":["chat"]}"#)
    tally.record("issue", answer, expected: [200])
    guard answer.status == 200, let token = answer.json()?["token"] as? String else { return }
    model.tokens.append((token, id, model.revocations[id, default: 0]))
  }

  mutating func revoke() async {
    guard let id = model.live.randomElement(using: &random) else {
      return await create(withToken: false)
    }
    let answer = await client.send(.POST, SoakClient.identityPath(id, "/:revokeAccessTokens"))
    tally.record("revoke", answer, expected: [204])
    if answer.status == 204 { model.revocations[id, default: 0] += 1 }
  }

  mutating func delete() async {
    guard let id = model.live.randomElement(using: &random) else {
      return await create(withToken: false)
    }
    let answer = await client.send(.DELETE, SoakClient.identityPath(id))
    tally.record("delete", answer, expected: [204])
    if answer.status == 204 { model.delete(id) }
  }

  mutating func introspect() async {
    guard !model.tokens.isEmpty else { return await create(withToken: true) }
    let index = Int.random(in: 0..<model.tokens.count, using: &random)
    await introspect(token: index, operation: "introspect")
  }

  /// Introspects one token and compares the emulator's answer with the model.
  mutating func introspect(token index: Int, operation: String) async {
    let token = model.tokens[index]
    let answer = await client.send(
      .POST, "/emulator/:introspectToken", json: #"{"token":"\#(token.token)"}"#)
    tally.record(operation, answer, expected: [200])
    guard answer.status == 200 else { return }
    let status = answer.json()?["status"] as? String
    let expected = model.expectedStatus(ofToken: index)
    if status != expected {
      tally.note(
        "\(operation): token of \(token.identity) is \(status ?? "?"), expected \(expected)")
    }
  }

  /// A request the emulator must refuse: a wrong key, a date outside the window either
  /// way, an identity that never existed or was deleted.
  mutating func adversarial() async {
    switch Int.random(in: 0..<5, using: &random) {
    case 0:
      let answer = await client.send(
        .POST, "/identities?api-version=2023-10-01", json: "{}", signing: .wrongKey)
      tally.record("bad signature", answer, expected: [401])
    case 1:
      let answer = await client.send(
        .POST, "/identities?api-version=2023-10-01", json: "{}",
        signing: .dated(Date() - clockSkew - 120))
      tally.record("date too old", answer, expected: [401])
    case 2:
      let answer = await client.send(
        .POST, "/identities?api-version=2023-10-01", json: "{}",
        signing: .dated(Date() + clockSkew + 120))
      tally.record("date in the future", answer, expected: [401])
    case 3:
      let missing = "8:acs:00000000-0000-4000-8000-000000000000_\(UUID().uuidString.lowercased())"
      let answer = await client.send(
        .POST, SoakClient.identityPath(missing, "/:issueAccessToken"),
        json: #"{"scopes":["chat"]}"#)
      tally.record("unknown identity", answer, expected: [404])
    default:
      guard let id = model.deleted.randomElement(using: &random) else {
        let answer = await client.send(.DELETE, SoakClient.identityPath("8:acs:none"))
        return tally.record("unknown identity", answer, expected: [404])
      }
      let answer = await client.send(
        .POST, SoakClient.identityPath(id, "/:issueAccessToken"), json: #"{"scopes":["chat"]}"#)
      tally.record("deleted identity", answer, expected: [404])
    }
  }

  // MARK: The final check

  /// Every token introspects as the model says; then every live identity still exists
  /// (revoking its tokens answers 204) and every deleted one is gone (404).
  mutating func verifyAll() async {
    for index in model.tokens.indices {
      await introspect(token: index, operation: "final: token")
    }
    for id in model.live {
      let answer = await client.send(.POST, SoakClient.identityPath(id, "/:revokeAccessTokens"))
      tally.record("final: live identity", answer, expected: [204])
    }
    for id in model.deleted {
      let answer = await client.send(.POST, SoakClient.identityPath(id, "/:revokeAccessTokens"))
      tally.record("final: deleted identity", answer, expected: [404])
    }
  }
}
