extension EmulatorService {
  /// `POST /emulator/:introspectToken` with `{"token": "…"}`: whether a token is still in
  /// force. The emulator's own route, outside the service's API, for tests. 200.
  func introspectToken(body: [UInt8]) async throws(ServiceFailure) -> RouteResult {
    let request = try BodyValidation.object(try BodyValidation.parse(body))
    guard let token = try BodyValidation.string(request.member("token"), field: "token"),
      !token.isEmpty
    else {
      throw .validation("Token: The Token field is required.", target: "Token")
    }
    return .json(.ok, await introspect(token).json)
  }
}
