extension EmulatorService {
  /// `DELETE /identities/{id}`: deletes the identity and with it its tokens. 204.
  func deleteIdentity(id: String) async throws(ServiceFailure) -> RouteResult {
    guard await store.deleteIdentity(id) else { throw .identityNotFound(id) }
    return .noContent
  }
}
