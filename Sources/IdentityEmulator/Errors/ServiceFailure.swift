import CommunicationIdentity
import HTTPTypes

/// An error answer in the service's shape: a status and
/// `{"error": {"code", "message", "target"?}}`.
struct ServiceFailure: Error, Sendable, Equatable {
  var status: HTTPResponse.Status
  var code: String
  var message: String
  var target: String?
  /// Extra response headers, such as `Allow` on 405.
  var headers: HTTPFields = [:]

  var body: Wire.ErrorResponse {
    Wire.ErrorResponse(error: Wire.ErrorDetail(code: code, message: message, target: target))
  }
}

extension ServiceFailure {
  /// 400 `ValidationError`, the service's answer to a body it cannot accept.
  static func validation(_ message: String, target: String?) -> ServiceFailure {
    ServiceFailure(status: .badRequest, code: "ValidationError", message: message, target: target)
  }

  /// 400 for a value of the wrong JSON type.
  static func wrongType(of field: String, expected: String) -> ServiceFailure {
    .validation(
      "The JSON value of '\(field)' could not be converted to \(expected).", target: field)
  }

  /// 400 for a request target the emulator cannot read.
  static func invalidRequest(_ message: String) -> ServiceFailure {
    ServiceFailure(status: .badRequest, code: "InvalidRequest", message: message, target: nil)
  }

  /// 404 for an identity that does not exist (never created, or deleted).
  static func identityNotFound(_ id: String) -> ServiceFailure {
    ServiceFailure(
      status: .notFound, code: "IdentityNotFound",
      message: "Identity '\(id)' was not found: it was never created or has been deleted.",
      target: "id")
  }

  /// 401 `Denied`, the answer to a request that fails authentication.
  static func denied(_ message: String) -> ServiceFailure {
    ServiceFailure(status: .unauthorized, code: "Denied", message: message, target: nil)
  }

  /// 401 for a Teams user's token that is not a valid Microsoft Entra ID token.
  static let invalidAccessToken = ServiceFailure(
    status: .unauthorized, code: "InvalidAccessToken",
    message: "Provided access token is not valid.", target: nil)

  /// 404 for a path the service does not have.
  static func resourceNotFound(_ path: String) -> ServiceFailure {
    ServiceFailure(
      status: .notFound, code: "NotFound",
      message: "The resource '\(path)' does not exist.", target: nil)
  }

  /// 405 for a method a path does not support.
  static func methodNotAllowed(_ method: String, path: String, allowed: [HTTPRequest.Method])
    -> ServiceFailure
  {
    let allowedText = allowed.map(\.rawValue).joined(separator: ", ")
    return ServiceFailure(
      status: .methodNotAllowed, code: "MethodNotAllowed",
      message: "The resource '\(path)' does not support \(method); it supports \(allowedText).",
      target: nil, headers: [.allow: allowedText])
  }

  /// 400 when the `api-version` query parameter is missing.
  static let apiVersionUnspecified = ServiceFailure(
    status: .badRequest, code: "ApiVersionUnspecified",
    message: "An API version is required, but was not specified.", target: nil)

  /// 400 for an `api-version` the service does not have (or that lacks the operation).
  static func unsupportedAPIVersion(_ version: String, path: String) -> ServiceFailure {
    ServiceFailure(
      status: .badRequest, code: "UnsupportedApiVersion",
      message:
        "The HTTP resource that matches the request URI '\(path)' does not support the API "
        + "version '\(version)'.", target: nil)
  }

  /// 413 for a body over the emulator's limit.
  static func payloadTooLarge(limit: Int) -> ServiceFailure {
    ServiceFailure(
      status: .contentTooLarge, code: "RequestEntityTooLarge",
      message: "The request body is larger than the limit of \(limit) bytes.", target: nil)
  }

  /// 500 for a failure inside the emulator.
  static func internalError(_ message: String) -> ServiceFailure {
    ServiceFailure(
      status: .internalServerError, code: "InternalError", message: message, target: nil)
  }
}
