extension EmulatorService {
  /// `POST /identities/{id}/:revokeAccessTokens`: invalidates every token issued to the
  /// identity so far. 204.
  func revokeAccessTokens(id: String) async throws(ServiceFailure) -> RouteResult {
    guard await store.revokeTokens(of: id) else { throw .identityNotFound(id) }
    return .noContent
  }
}
