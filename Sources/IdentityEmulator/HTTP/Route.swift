import HTTPTypes

/// The operations the emulator answers, matched from a method and a decoded path.
enum Route: Sendable, Equatable {
  case createIdentity
  case deleteIdentity(id: String)
  case issueAccessToken(id: String)
  case revokeAccessTokens(id: String)
  case exchangeTeamsUserToken
  /// The emulator's own token introspection, outside the service's API.
  case introspectToken

  /// Whether the route is part of the service's API (and so needs an `api-version`).
  var isServiceOperation: Bool { self != .introspectToken }

  /// The route for a request; 404 for an unknown path, 405 for a known path with another
  /// method.
  static func match(method: HTTPRequest.Method, target: RequestTarget) throws(ServiceFailure)
    -> Route
  {
    let path = target.segments
    func literal(_ index: Int, _ name: String) -> Bool {
      path[index].equalsIgnoringCase(name)
    }
    let candidate: (route: Route, method: HTTPRequest.Method)?
    switch path.count {
    case 1 where literal(0, "identities"):
      candidate = (.createIdentity, .post)
    case 2 where literal(0, "identities") && !path[1].isEmpty:
      candidate = (.deleteIdentity(id: path[1]), .delete)
    case 3 where literal(0, "identities") && !path[1].isEmpty && literal(2, ":issueAccessToken"):
      candidate = (.issueAccessToken(id: path[1]), .post)
    case 3 where literal(0, "identities") && !path[1].isEmpty && literal(2, ":revokeAccessTokens"):
      candidate = (.revokeAccessTokens(id: path[1]), .post)
    case 2 where literal(0, "teamsUser") && literal(1, ":exchangeAccessToken"):
      candidate = (.exchangeTeamsUserToken, .post)
    case 2 where literal(0, "emulator") && literal(1, ":introspectToken"):
      candidate = (.introspectToken, .post)
    default:
      candidate = nil
    }
    guard let candidate else { throw .resourceNotFound(target.rawPath) }
    guard candidate.method == method else {
      throw .methodNotAllowed(method.rawValue, path: target.rawPath, allowed: [candidate.method])
    }
    return candidate.route
  }
}

extension String {
  fileprivate func equalsIgnoringCase(_ other: String) -> Bool {
    lowercased() == other.lowercased()
  }
}
