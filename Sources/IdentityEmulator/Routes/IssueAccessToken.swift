extension EmulatorService {
  /// `POST /identities/{id}/:issueAccessToken`: a token for an existing identity. 200.
  func issueAccessToken(id: String, body: [UInt8], version: APIVersion)
    async throws(ServiceFailure) -> RouteResult
  {
    guard let parsed = try BodyValidation.parse(body) else {
      throw .validation("A non-empty request body is required.", target: "$")
    }
    let request = try BodyValidation.object(parsed)
    guard
      let scopes = try BodyValidation.scopes(
        request.member("scopes"), field: "scopes", version: version)
    else {
      throw .validation("Scopes: The Scopes field is required.", target: "Scopes")
    }
    guard !scopes.isEmpty else {
      throw .validation("Scopes: At least one scope is required.", target: "Scopes")
    }
    let minutes = try expiresInMinutes(request, version: version)
    guard
      let token = try await issueToken(identityID: id, scopes: scopes, expiresInMinutes: minutes)
    else { throw .identityNotFound(id) }
    return .json(.ok, token.json)
  }
}
