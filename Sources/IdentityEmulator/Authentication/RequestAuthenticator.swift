import CommunicationIdentity
import Foundation
import HTTPTypes

/// Checks a request's HMAC-SHA256 signature as the service does: the string to sign is built
/// from the raw request target, the headers as received and the raw body bytes.
struct RequestAuthenticator: Sendable {
  let signer: HMACSigner
  let allowedClockSkew: Duration

  /// The headers every signature must cover.
  private static let requiredSignedHeaders: Set<String> = ["host", "x-ms-content-sha256"]

  /// Passes a correctly signed request; a 401 `Denied` failure otherwise.
  func authenticate(
    method: HTTPRequest.Method, target: RequestTarget, authority: String?,
    headers: HTTPFields, body: [UInt8], now: Date
  ) throws(ServiceFailure) {
    guard let authorizationValue = headers[.authorization] else {
      throw .denied("The request has no 'Authorization' header; sign it with the access key.")
    }
    guard let authorization = AuthorizationHeader(parsing: authorizationValue) else {
      throw .denied(
        "The 'Authorization' header is not 'HMAC-SHA256 SignedHeaders=x-ms-date;host;"
          + "x-ms-content-sha256&Signature=<base64>'.")
    }
    let signed = Set(authorization.signedHeaders)
    let missing = Self.requiredSignedHeaders.subtracting(signed).sorted()
    guard missing.isEmpty, signed.contains("x-ms-date") || signed.contains("date") else {
      let names = missing.isEmpty ? ["x-ms-date"] : missing
      throw .denied("The signature does not cover the header(s) \(names.joined(separator: ", ")).")
    }

    var values: [String] = []
    for name in authorization.signedHeaders {
      let value: String?
      if name == "host" {
        value = authority
      } else {
        value = HTTPField.Name(name).flatMap { headers[$0] }
      }
      guard let value else {
        throw .denied("The signed header '\(name)' is missing from the request.")
      }
      values.append(value)
    }

    let dateHeader = signed.contains("x-ms-date") ? "x-ms-date" : "date"
    let dateText = HTTPField.Name(dateHeader).flatMap { headers[$0] } ?? ""
    guard let date = HTTPDate.date(from: dateText) else {
      throw .denied(
        "The '\(dateHeader)' header '\(dateText)' is not an RFC 1123 date such as "
          + "'Sat, 21 Nov 2026 20:46:45 GMT'.")
    }
    let skew = abs(date.timeIntervalSince(now))
    let allowedSeconds = Double(allowedClockSkew.components.seconds)
    guard skew <= allowedSeconds else {
      throw .denied(
        "The request date '\(dateText)' is \(Int(skew)) seconds from the server's time "
          + "'\(HTTPDate.string(from: now))'; at most \(Int(allowedSeconds)) seconds are allowed.")
    }

    let contentHash = headers[HTTPField.Name("x-ms-content-sha256")!] ?? ""
    guard contentHash == HMACSigner.contentHash(of: body) else {
      throw .denied("Request 'x-ms-content-sha256' differs from generated content hash.")
    }

    let stringToSign = "\(method.rawValue)\n\(target.raw)\n\(values.joined(separator: ";"))"
    guard signer.isValidSignature(authorization.signature, for: stringToSign) else {
      throw .denied(
        "The request signature does not match; sign with the access key of this resource's "
          + "connection string.")
    }
  }
}
