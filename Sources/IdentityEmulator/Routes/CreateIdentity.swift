import CommunicationIdentity

extension EmulatorService {
  /// `POST /identities`: creates an identity and, if asked, a token for it. 201.
  func createIdentity(body: [UInt8], version: APIVersion) async throws(ServiceFailure)
    -> RouteResult
  {
    let request = try BodyValidation.object(try BodyValidation.parse(body))
    let scopes = try BodyValidation.scopes(
      request.member("createTokenWithScopes"), field: "createTokenWithScopes", version: version)
    let minutes = try expiresInMinutes(request, version: version)

    let id = await store.createIdentity()
    var accessToken: Wire.AccessToken?
    if let scopes, !scopes.isEmpty {
      accessToken = try await issueToken(identityID: id, scopes: scopes, expiresInMinutes: minutes)
    }
    return .json(
      .created,
      Wire.IdentityAccessTokenResult(identity: .init(id: id), accessToken: accessToken).json)
  }

  /// The requested token lifetime, or the default; older api-versions ignore the field.
  func expiresInMinutes(_ request: JSONValue, version: APIVersion) throws(ServiceFailure) -> Int {
    guard version.supportsCustomExpiration else { return Self.defaultExpiresInMinutes }
    return try BodyValidation.expiresInMinutes(request.member("expiresInMinutes"))
      ?? Self.defaultExpiresInMinutes
  }
}
