import CommunicationIdentity
import Foundation
import IdentityEmulator
import Testing

@Suite("Bad input is answered in the service's error shape, and the server keeps serving")
struct BadInputTests {
  /// Checks that the emulator still answers a well-formed request.
  static func expectStillServing(_ requests: SignedRequests) async throws {
    let response = try await requests.send("POST", "/identities?api-version=2023-10-01")
    #expect(response.status == 201)
  }

  @Test(
    "invalid issue-token bodies are 400 ValidationError with the service's message",
    arguments: [
      (#"{"scopes": ["voip"]"#, "$", "not valid JSON"),
      (#"{"scopes": ["voip"], }"#, "$", "not valid JSON"),
      (#"{"scopes": ["vo"#, "$", "not valid JSON"),
      ("[1, 2]", "$", "must be a JSON object"),
      (#""scopes""#, "$", "must be a JSON object"),
      ("{}", "Scopes", "Scopes: The Scopes field is required."),
      (
        #"{"scopes": null, "expiresInMinutes": null}"#, "Scopes",
        "Scopes: The Scopes field is required."
      ),
      (#"{"scopes": []}"#, "Scopes", "At least one scope"),
      (#"{"scopes": "voip"}"#, "scopes", "could not be converted to a list of scopes"),
      (#"{"scopes": [1]}"#, "scopes", "could not be converted to a list of scopes"),
      (#"{"scopes": ["voip", "video"]}"#, "scopes", "Scope 'video' is not valid"),
      (
        #"{"scopes": ["voip"], "expiresInMinutes": 59}"#, "ExpiresInMinutes",
        "ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval."
      ),
      (
        #"{"scopes": ["voip"], "expiresInMinutes": 1441}"#, "ExpiresInMinutes",
        "ExpiresInMinutes value 1441 is invalid. Value must be within the [60, 1440] interval."
      ),
      (#"{"scopes": ["voip"], "expiresInMinutes": 60.5}"#, "expiresInMinutes", "an integer"),
      (#"{"scopes": ["voip"], "expiresInMinutes": "60"}"#, "expiresInMinutes", "an integer"),
      (#"{"scopes": ["voip"], "expiresInMinutes": 1e300}"#, "expiresInMinutes", "an integer"),
      (#"{"scopes": ["voip"], "expiresInMinutes": true}"#, "expiresInMinutes", "an integer"),
      ("", "$", "non-empty request body"),
      (String(repeating: "[", count: 10_000), "$", "nesting is too deep"),
      (#"{"scopes": ["voip"]} {}"#, "$", "unexpected content after the value"),
      (#"{"scopes": ["vo\ip"]}"#, "$", "invalid escape"),
      ("{\"scopes\": [\"vo\u{01}ip\"]}", "$", "control character"),
    ])
  func invalidIssueBodies(body: String, target: String, message: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let response = try await requests.send(
        "POST", SignedRequests.identityPath(id, "/:issueAccessToken"), json: body)
      #expect(response.status == 400)
      #expect(response.header("content-type") == "application/json")
      let error = try response.serviceError()
      #expect(error.code == "ValidationError")
      #expect(error.target == target)
      #expect(error.message.contains(message), "\(error.message)")
      try await Self.expectStillServing(requests)
    }
  }

  @Test(
    "invalid create bodies are 400 and create nothing",
    arguments: [
      #"{"createTokenWithScopes": ["voip"], "expiresInMinutes": 59}"#,
      #"{"createTokenWithScopes": "voip"}"#,
      #"{"createTokenWithScopes": ["teams"]}"#,
      #"{"createTokenWithScopes": ["voip"]"#,
      #"{"expiresInMinutes": 2000}"#,
      "42",
    ])
  func invalidCreateBodies(body: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", json: body)
      #expect(response.status == 400)
      #expect(try response.serviceError().code == "ValidationError")
      #expect(await emulator.identityCount() == 0)
    }
  }

  @Test("a missing api-version is 400 ApiVersionUnspecified; an unknown one UnsupportedApiVersion")
  func apiVersion() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let missing = try await requests.send("POST", "/identities")
      #expect(missing.status == 400)
      #expect(try missing.serviceError().code == "ApiVersionUnspecified")

      for version in ["2099-01-01", "2023-10-01-preview", "latest"] {
        let unknown = try await requests.send("POST", "/identities?api-version=\(version)")
        #expect(unknown.status == 400)
        let error = try unknown.serviceError()
        #expect(error.code == "UnsupportedApiVersion")
        #expect(error.message.contains("'\(version)'"))
      }
      #expect(await emulator.identityCount() == 0)
    }
  }

  @Test(
    "an unknown path is 404 with an error body",
    arguments: [
      "/", "/identity?api-version=2023-10-01", "/identities/x/:unknown?api-version=2023-10-01",
      "/identities/x/y/z?api-version=2023-10-01", "/teamsUser?api-version=2023-10-01",
    ])
  func unknownPath(_ target: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send("POST", target)
      #expect(response.status == 404)
      #expect(try response.serviceError().code == "NotFound")
    }
  }

  @Test(
    "a known path with another method is 405 with Allow and an error body",
    arguments: [
      ("GET", "/identities?api-version=2023-10-01", "POST"),
      ("PUT", "/identities/8%3Aacs%3Ax?api-version=2023-10-01", "DELETE"),
      ("GET", "/identities/8%3Aacs%3Ax/:issueAccessToken?api-version=2023-10-01", "POST"),
      ("DELETE", "/teamsUser/:exchangeAccessToken?api-version=2023-10-01", "POST"),
      ("PATCH", "/identities/8%3Aacs%3Ax/:revokeAccessTokens?api-version=2023-10-01", "POST"),
    ])
  func wrongMethod(method: String, target: String, allowed: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(method, target)
      #expect(response.status == 405)
      #expect(response.header("allow") == allowed)
      #expect(try response.serviceError().code == "MethodNotAllowed")
    }
  }

  @Test(
    "bad percent-encoding in the path or query is 400",
    arguments: [
      "/identities/8%3Aacs%ZZx/:revokeAccessTokens?api-version=2023-10-01",
      "/identities/8%3Aacs%3/:revokeAccessTokens?api-version=2023-10-01",
      "/identities/%FF%FE?api-version=2023-10-01",
      "/identities?api-version=2023%2G10-01",
    ])
  func badPercentEncoding(_ target: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(target.contains("%FF") ? "DELETE" : "POST", target)
      #expect(response.status == 400)
      let error = try response.serviceError()
      #expect(error.code == "InvalidRequest")
      #expect(error.message.contains("percent-encoding"))
      try await Self.expectStillServing(requests)
    }
  }

  @Test("a body that is not UTF-8 is 400")
  func invalidUTF8() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let body = Array(#"{"scopes": [""#.utf8) + [0xC3, 0x28] + Array(#""]}"#.utf8)
      let response = try await RawHTTP.send(
        port: requests.port,
        requests.request("POST", SignedRequests.identityPath(id, "/:issueAccessToken"), body: body))
      #expect(response.status == 400)
      #expect(try response.serviceError().message.contains("not UTF-8"))
    }
  }

  @Test("a body over the limit is 413, whether declared or streamed")
  func bodyTooLarge() async throws {
    try await withEmulator(.testing(maxBodySize: 1024)) {
      emulator in
      let requests = try SignedRequests(emulator)
      let large =
        #"{"scopes": ["voip"], "padding": ""# + String(repeating: "x", count: 2000) + #""}"#
      let declared = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", json: large)
      #expect(declared.status == 413)
      #expect(try declared.serviceError().code == "RequestEntityTooLarge")

      let chunk = Array(large.utf8)
      let head = """
        POST /identities?api-version=2023-10-01 HTTP/1.1\r
        Host: \(requests.host)\r
        Connection: close\r
        Transfer-Encoding: chunked\r
        \r

        """
      let chunked =
        Array(head.utf8) + Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk
        + Array("\r\n0\r\n\r\n".utf8)
      let streamed = try await RawHTTP.send(port: requests.port, chunked)
      #expect(streamed.status == 413)
      #expect(try streamed.serviceError().code == "RequestEntityTooLarge")
      try await Self.expectStillServing(requests)
    }
  }

  @Test("oversized headers are 431 with an error body")
  func oversizedHeaders() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let bytes = requests.request(
        "POST", "/identities?api-version=2023-10-01",
        extraHeaders: [("x-padding", String(repeating: "a", count: 40 * 1024))])
      let response = try await RawHTTP.send(port: requests.port, bytes)
      #expect(response.status == 431)
      #expect(response.header("connection") == "close")
      #expect(try response.serviceError().code == "RequestHeaderFieldsTooLarge")
      try await Self.expectStillServing(requests)
    }
  }

  @Test(
    "requests that are not HTTP/1.1 are 400 with an error body",
    arguments: [
      "GARBAGE\r\n\r\n",
      "POST /identities HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "POST /identities HTTP/1.1\r\nBad Header\r\n\r\n",
      "P@ST /identities HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST /identities HTTP/9.9\r\nHost: x\r\n\r\n",
    ])
  func notHTTP(_ text: String) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await RawHTTP.send(port: requests.port, Array(text.utf8))
      #expect(response.status == 400)
      #expect(try response.serviceError().code == "InvalidRequest")
      try await Self.expectStillServing(requests)
    }
  }

  @Test("a body shorter than its Content-Length, cut off by the client, does not harm the server")
  func truncatedBody() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let body = Array(#"{"createTokenWithScopes": ["voip"]}"#.utf8)
      var bytes = requests.request("POST", "/identities?api-version=2023-10-01", body: body)
      bytes.removeLast(10)
      let received = try await RawHTTP.exchange(port: requests.port, bytes, halfClose: true)
      // The server sees the end of input before the declared length and answers 400.
      let response = try RawHTTP.parse(received)
      #expect(response.status == 400)
      let error = try response.serviceError()
      #expect(error.code == "InvalidRequest")
      #expect(error.message.contains("could not be read"))
      #expect(await emulator.identityCount() == 0)
      try await Self.expectStillServing(requests)
    }
  }
}
