import CommunicationIdentity
import Foundation
import IdentityEmulator
import Testing

/// Builds raw, signed requests to an emulator, with every part under the test's control.
struct SignedRequests {
  let port: Int
  let signer: HMACSigner
  /// The Host header sent and signed.
  var host: String

  init(_ emulator: RunningEmulator) throws {
    let connection = try ConnectionString(emulator.connectionString)
    self.port = try #require(emulator.endpoint.port)
    self.signer = HMACSigner(accessKey: connection.accessKey)
    self.host = connection.endpoint.hostHeader
  }

  /// The bytes of a request: signed unless `authorization` overrides the header (an empty
  /// override leaves it out), dated `date`.
  func request(
    _ method: String, _ target: String, body: [UInt8] = [], date: Date = Date(),
    extraHeaders: [(String, String)] = [], authorization: String? = nil,
    contentHash: String? = nil
  ) -> [UInt8] {
    let signature = signer.sign(
      method: method, pathAndQuery: target, host: host, body: body, date: date)
    var lines = [
      "\(method) \(target) HTTP/1.1", "Host: \(host)", "Connection: close",
      "Content-Type: application/json", "Content-Length: \(body.count)",
      "x-ms-date: \(signature.date)",
      "x-ms-content-sha256: \(contentHash ?? signature.contentHash)",
    ]
    let authorizationValue = authorization ?? signature.authorization
    if !authorizationValue.isEmpty { lines.append("Authorization: \(authorizationValue)") }
    lines += extraHeaders.map { "\($0.0): \($0.1)" }
    return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
  }

  /// Signs and sends a request; returns the response.
  func send(
    _ method: String, _ target: String, json: String? = nil, date: Date = Date()
  ) async throws -> RawResponse {
    try await RawHTTP.send(
      port: port, request(method, target, body: Array((json ?? "").utf8), date: date))
  }

  /// `POST /identities` with an empty body; returns the new id.
  func createIdentity() async throws -> String {
    let response = try await send("POST", "/identities?api-version=2023-10-01")
    let identity = try #require(try response.json()["identity"] as? [String: Any])
    return try #require(identity["id"] as? String)
  }

  static func identityPath(_ id: String, _ suffix: String = "") -> String {
    "/identities/\(PercentEncoding.encode(id))\(suffix)?api-version=2023-10-01"
  }
}

/// Starts a deterministic emulator on a free port for one test.
func withEmulator<Output>(
  _ configuration: EmulatorConfiguration = .testing(),
  _ body: (RunningEmulator) async throws -> Output
) async throws -> Output {
  try await IdentityEmulator.withRunning(configuration, body)
}

extension EmulatorConfiguration {
  /// A test's emulator: deterministic, with a read timeout far longer than any test's own
  /// pauses. The read timeout runs from a connection's opening, and a raw-socket client
  /// writes from the test process's shared threads, which other tests may keep busy for
  /// seconds: a test that is not about the timeout must not see a 408.
  static func testing(maxBodySize: Int = 64 * 1024) -> EmulatorConfiguration {
    EmulatorConfiguration(
      deterministic: true, maxBodySize: maxBodySize, requestReadTimeout: .seconds(120))
  }
}
