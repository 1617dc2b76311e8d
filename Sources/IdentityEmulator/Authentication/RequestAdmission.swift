import CommunicationIdentity
import Foundation
import HTTPTypes

/// The emulator's gate without a server: parses the target, matches the route and checks the
/// signature exactly as `IdentityResponder` does before it runs an operation.
///
/// It exists for the libFuzzer target `emulator-auth` (`Fuzz/`), which calls the production
/// code through it; it is `@_spi(Fuzzing)` so that it is no part of the public API.
@_spi(Fuzzing)
public enum RequestAdmission {
  /// Why a request was turned away: the HTTP status, the service's error code and message.
  public struct Denial: Sendable, Hashable, Error {
    public var status: Int
    public var code: String
    public var message: String
  }

  /// What stops a request from reaching an operation, or `nil` when it would run.
  ///
  /// `method` and header names that HTTP itself rejects (which Hummingbird never hands to the
  /// responder) give a 400 `InvalidRequest` here. The body is the whole body, as read.
  public static func denial(
    method: String, target: String, authority: String?,
    headers: [(name: String, value: String)], body: [UInt8],
    accessKey: [UInt8], allowedClockSkew: Duration, now: Date
  ) -> Denial? {
    do {
      guard let method = HTTPRequest.Method(method) else {
        throw ServiceFailure.invalidRequest("The method is not an HTTP token.")
      }
      var fields = HTTPFields()
      for (name, value) in headers {
        guard let name = HTTPField.Name(name) else {
          throw ServiceFailure.invalidRequest("The header name '\(name)' is not an HTTP token.")
        }
        fields.append(HTTPField(name: name, value: value))
      }
      let target = try RequestTarget(target)
      _ = try Route.match(method: method, target: target)
      let authenticator = RequestAuthenticator(
        signer: HMACSigner(accessKey: accessKey), allowedClockSkew: allowedClockSkew)
      try authenticator.authenticate(
        method: method, target: target, authority: authority, headers: fields, body: body,
        now: now)
      return nil
    } catch let failure as ServiceFailure {
      return Denial(status: failure.status.code, code: failure.code, message: failure.message)
    } catch {
      return Denial(status: 500, code: "InternalError", message: "\(error)")
    }
  }
}
