import CommunicationIdentity
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers every request: reads the raw target, matches the route, reads the body within
/// the limit, authenticates, checks the api-version and runs the operation. Every failure is
/// answered in the service's error shape; nothing a client sends makes it throw.
struct IdentityResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let service: EmulatorService

  func respond(to request: Request, context: Context) async throws -> Response {
    var response: Response
    do {
      response = try await answer(request)
    } catch {
      response = Self.failureResponse(error)
    }
    response.headers[HTTPField.Name("api-supported-versions")!] =
      APIVersion.supportedVersionsHeader
    let requestID = HTTPField.Name("x-ms-client-request-id")!
    if let clientRequestID = request.headers[requestID] {
      response.headers[requestID] = clientRequestID
    }
    return response
  }

  private func answer(_ request: Request) async throws(ServiceFailure) -> Response {
    let target = try RequestTarget(request.head.path ?? "")
    let route = try Route.match(method: request.method, target: target)
    let body = try await readBody(request)
    try service.authenticator.authenticate(
      method: request.method, target: target, authority: request.head.authority,
      headers: request.headers, body: body, now: Date())

    // The emulator's own introspection is outside the service's api-versions.
    let version = route.isServiceOperation ? try apiVersion(target, route: route) : .latest
    let result: RouteResult
    switch route {
    case .createIdentity:
      result = try await service.createIdentity(body: body, version: version)
    case .issueAccessToken(let id):
      result = try await service.issueAccessToken(id: id, body: body, version: version)
    case .revokeAccessTokens(let id):
      result = try await service.revokeAccessTokens(id: id)
    case .deleteIdentity(let id):
      result = try await service.deleteIdentity(id: id)
    case .exchangeTeamsUserToken:
      result = try await service.exchangeTeamsUserToken(body: body)
    case .introspectToken:
      result = try await service.introspectToken(body: body)
    }
    return Self.response(result)
  }

  /// The whole body, at most the configured size.
  private func readBody(_ request: Request) async throws(ServiceFailure) -> [UInt8] {
    let limit = service.maxBodySize
    if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
      throw .payloadTooLarge(limit: limit)
    }
    do {
      var buffer = try await request.body.collect(upTo: limit)
      return buffer.readBytes(length: buffer.readableBytes) ?? []
    } catch is NIOTooManyBytesError {
      throw .payloadTooLarge(limit: limit)
    } catch {
      throw .invalidRequest("The request body could not be read: \(error).")
    }
  }

  private func apiVersion(_ target: RequestTarget, route: Route) throws(ServiceFailure)
    -> APIVersion
  {
    guard let text = target.queryValue("api-version"), !text.isEmpty else {
      throw .apiVersionUnspecified
    }
    guard let version = APIVersion(rawValue: text),
      route != .exchangeTeamsUserToken || version.supportsTeamsUserExchange
    else { throw .unsupportedAPIVersion(text, path: target.rawPath) }
    return version
  }

  static func response(_ result: RouteResult) -> Response {
    guard let body = result.body else { return Response(status: result.status) }
    return Response(
      status: result.status,
      headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }

  static func failureResponse(_ error: any Error) -> Response {
    let failure =
      (error as? ServiceFailure) ?? .internalError("The emulator failed: \(error).")
    let body = failure.body.json.serialized
    var headers = failure.headers
    headers[.contentType] = "application/json"
    return Response(
      status: failure.status, headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
