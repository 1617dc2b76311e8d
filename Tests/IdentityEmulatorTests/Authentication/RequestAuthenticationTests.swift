import CommunicationIdentity
import Foundation
import IdentityEmulator
import Testing

@Suite("Request authentication")
struct RequestAuthenticationTests {
  /// An emulator with the vectors' key and a clock skew wide enough for their old date, so
  /// the SDK's requests can be replayed exactly as they were sent.
  static let replayConfiguration = EmulatorConfiguration(
    deterministic: true, accessKey: SignedRequestVector.accessKey,
    allowedClockSkew: .seconds(20 * 365 * 24 * 3600), requestReadTimeout: .seconds(120))

  @Test("the seven requests the SDK signed pass authentication, byte for byte")
  func sdkRequestsAuthenticate() async throws {
    try await withEmulator(Self.replayConfiguration) { emulator in
      let port = try #require(emulator.endpoint.port)
      var statuses: [Int] = []
      for vector in try SignedRequestVector.all() {
        // The Host header says port 18080, where the SDK sent them: the signature is checked
        // against the header as received, not the port the emulator listens on.
        let response = try await RawHTTP.send(port: port, vector.bytes())
        if response.status == 401 {
          #expect(
            try response.serviceError().code != "Denied",
            "\(vector.method) \(vector.rawPath): \(response.bodyText)")
        }
        statuses.append(response.status)
      }
      // Creates succeed; the vectors' identity does not exist here; the Teams token "aad"
      // is not a JWT.
      #expect(statuses == [201, 404, 404, 201, 404, 404, 401])
    }
  }

  @Test("the Teams vector fails on its token, not on its signature")
  func teamsVectorFailsOnToken() async throws {
    try await withEmulator(Self.replayConfiguration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let vector = try #require(try SignedRequestVector.all().last)
      let response = try await RawHTTP.send(port: port, vector.bytes())
      #expect(try response.serviceError().code == "InvalidAccessToken")
    }
  }

  @Test("a changed body is 401: the content hash no longer matches")
  func changedBody() async throws {
    try await withEmulator(Self.replayConfiguration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let vector = try SignedRequestVector.all()[1]
      let response = try await RawHTTP.send(
        port: port, vector.bytes(body: #"{"scopes": ["chat"]}"#))
      #expect(response.status == 401)
      let error = try response.serviceError()
      #expect(error.code == "Denied")
      #expect(error.message == "Request 'x-ms-content-sha256' differs from generated content hash.")
    }
  }

  @Test(
    "a changed target or Host header is 401: the signature no longer matches",
    arguments: [
      (target: "/identities?api-version=2022-10-01", host: nil),
      (target: "/Identities?api-version=2023-10-01", host: nil),
      (target: nil, host: "127.0.0.1:18081"),
      (target: nil, host: "localhost:18080"),
    ] as [(target: String?, host: String?)])
  func changedTargetOrHost(target: String?, host: String?) async throws {
    try await withEmulator(Self.replayConfiguration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let vector = try SignedRequestVector.all()[0]
      let response = try await RawHTTP.send(port: port, vector.bytes(target: target, host: host))
      #expect(response.status == 401)
      let error = try response.serviceError()
      #expect(error.code == "Denied")
      #expect(error.message.contains("signature does not match"))
    }
  }

  @Test(
    "a missing or malformed Authorization header, or a missing signed header, is 401",
    arguments: ["Authorization", "x-ms-date", "x-ms-content-sha256", "Host"])
  func missingHeaders(_ header: String) async throws {
    try await withEmulator(Self.replayConfiguration) { emulator in
      let port = try #require(emulator.endpoint.port)
      let vector = try SignedRequestVector.all()[0]
      let response = try await RawHTTP.send(port: port, vector.bytes(removing: [header]))
      #expect(response.status == 401)
      #expect(try response.serviceError().code == "Denied")
    }
  }

  @Test(
    "malformed Authorization values are 401",
    arguments: [
      "Bearer abc", "HMAC-SHA256 Signature=abc", "HMAC-SHA256 SignedHeaders=host&Signature=abc",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=%%%",
    ])
  func malformedAuthorization(_ value: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await RawHTTP.send(
        port: requests.port,
        requests.request("POST", "/identities?api-version=2023-10-01", authorization: value))
      #expect(response.status == 401)
      #expect(try response.serviceError().code == "Denied")
      #expect(await emulator.identityCount() == 0)
    }
  }

  @Test("a request signed with another key is 401")
  func wrongKey() async throws {
    try await withEmulator { emulator in
      var requests = try SignedRequests(emulator)
      requests = SignedRequests(
        port: requests.port, signer: HMACSigner(accessKey: Array(repeating: 1, count: 64)),
        host: requests.host)
      let response = try await requests.send("POST", "/identities?api-version=2023-10-01")
      #expect(response.status == 401)
      #expect(try response.serviceError().code == "Denied")
    }
  }

  @Test("an x-ms-date more than 15 minutes off is 401, within 15 minutes it passes")
  func clockSkew() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      for offset: TimeInterval in [-16 * 60, 16 * 60, -3600 * 24] {
        let response = try await requests.send(
          "POST", "/identities?api-version=2023-10-01", date: Date().addingTimeInterval(offset))
        #expect(response.status == 401, "offset \(offset)")
        let error = try response.serviceError()
        #expect(error.code == "Denied")
        #expect(error.message.contains("at most 900 seconds"))
      }
      let withinLimit = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", date: Date().addingTimeInterval(-14 * 60))
      #expect(withinLimit.status == 201)
    }
  }

  @Test("a malformed x-ms-date is 401")
  func malformedDate() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      var bytes = String(
        decoding: requests.request("POST", "/identities?api-version=2023-10-01"), as: UTF8.self)
      let dateLine = try #require(
        bytes.split(separator: "\r\n").first { $0.hasPrefix("x-ms-date:") })
      bytes = bytes.replacingOccurrences(of: dateLine, with: "x-ms-date: 2026-11-21T20:46:45Z")
      let response = try await RawHTTP.send(port: requests.port, Array(bytes.utf8))
      #expect(response.status == 401)
      #expect(try response.serviceError().message.contains("RFC 1123"))
    }
  }
}

extension SignedRequests {
  init(port: Int, signer: HMACSigner, host: String) {
    self.port = port
    self.signer = signer
    self.host = host
  }
}
