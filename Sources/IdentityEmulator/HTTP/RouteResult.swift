import CommunicationIdentity
import HTTPTypes

/// A successful answer of a route: a status, and a JSON body unless it is 204.
struct RouteResult: Sendable, Equatable {
  var status: HTTPResponse.Status
  var body: [UInt8]?

  /// A JSON body, with members in the order the service writes them.
  static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> RouteResult {
    RouteResult(status: status, body: value.serialized)
  }

  static let noContent = RouteResult(status: .noContent, body: nil)
}

// MARK: Response bodies, in the service's member order

extension Wire.AccessToken {
  var json: JSONValue {
    .object([.init("token", .string(token)), .init("expiresOn", .string(expiresOn.rawValue))])
  }
}

extension Wire.IdentityAccessTokenResult {
  var json: JSONValue {
    var members: [JSONValue.Member] = [
      .init("identity", .object([.init("id", .string(identity.id))]))
    ]
    if let accessToken { members.append(.init("accessToken", accessToken.json)) }
    return .object(members)
  }
}

extension Wire.ErrorResponse {
  var json: JSONValue {
    var members: [JSONValue.Member] = [
      .init("code", .string(error.code)), .init("message", .string(error.message)),
    ]
    if let target = error.target { members.append(.init("target", .string(target))) }
    return .object([.init("error", .object(members))])
  }
}

extension TokenIntrospection {
  var json: JSONValue {
    var members: [JSONValue.Member] = [
      .init("active", .bool(active)), .init("status", .string(status.rawValue)),
    ]
    if let identity { members.append(.init("identity", .string(identity))) }
    if let scopes { members.append(.init("scopes", .array(scopes.map(JSONValue.string)))) }
    if let expiresAt { members.append(.init("expiresAt", .number(Double(expiresAt)))) }
    return .object(members)
  }
}
