import CommunicationIdentity
import IdentityEmulator
import Testing

@Suite("Concurrency")
struct ConcurrentClientsTests {
  @Test("concurrent clients get unique identities and valid tokens; state stays consistent")
  func concurrentCreatesAndIssues() async throws {
    try await IdentityEmulator.withRunning(EmulatorConfiguration(deterministic: true)) {
      emulator in
      let client = try CommunicationIdentityClient(connectionString: emulator.connectionString)
      let results = try await withThrowingTaskGroup(
        of: (CommunicationUserIdentifier, CommunicationAccessToken).self
      ) { group in
        for _ in 0..<40 {
          group.addTask {
            let user = try await client.createUser()
            return (user, try await client.getToken(for: user, scopes: [.chat]))
          }
        }
        var results: [(CommunicationUserIdentifier, CommunicationAccessToken)] = []
        for try await result in group { results.append(result) }
        return results
      }
      #expect(results.count == 40)
      #expect(Set(results.map(\.0.rawId)).count == 40)
      #expect(await emulator.identityCount() == 40)
      for (user, token) in results {
        let introspection = await emulator.introspect(token.token)
        #expect(introspection.status == .active)
        #expect(introspection.identity == user.rawId)
      }
      // Sequential ids: every number from 1 to 40 was handed out once.
      let suffixes = Set(results.map { Int($0.0.rawId.suffix(12), radix: 16) ?? 0 })
      #expect(suffixes == Set(1...40))
    }
  }
}
