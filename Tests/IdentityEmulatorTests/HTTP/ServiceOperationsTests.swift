import CommunicationIdentity
import Foundation
import IdentityEmulator
import Testing

@Suite("The five operations, on the wire")
struct ServiceOperationsTests {
  static let idPrefix = "8:acs:00000000-0000-4000-8000-000000000000_"

  @Test("create with an empty body: 201 and only the identity")
  func createEmpty() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send("POST", "/identities?api-version=2023-10-01")
      #expect(response.status == 201)
      #expect(
        response.bodyText
          == #"{"identity":{"id":"\#(Self.idPrefix)00000000-0000-0000-0000-000000000001"}}"#)
      #expect(response.header("content-type") == "application/json; charset=utf-8")
      #expect(response.header("api-supported-versions")?.contains("2023-10-01") == true)
    }
  }

  @Test("create accepts explicit nulls and an empty object")
  func createWithNulls() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      for body in [#"{"createTokenWithScopes": null, "expiresInMinutes": null}"#, "{}", "null"] {
        let response = try await requests.send(
          "POST", "/identities?api-version=2023-10-01", json: body)
        #expect(response.status == 201, "\(body)")
        #expect(try response.json()["accessToken"] == nil)
      }
    }
  }

  @Test("create with scopes: 201 with a token that expires in 24 hours")
  func createWithToken() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(
        "POST", "/identities?api-version=2023-10-01",
        json: #"{"createTokenWithScopes": ["voip", "chat"]}"#)
      #expect(response.status == 201)
      let json = try response.json()
      let token = try #require(json["accessToken"] as? [String: Any])
      #expect(token["expiresOn"] as? String == "2023-10-19T15:35:25.8305618+00:00")
      let jwt = try #require(token["token"] as? String)
      #expect(await emulator.introspect(jwt).scopes == ["voip", "chat"])
      #expect(response.bodyText.hasPrefix(#"{"identity":{"id":""#))
    }
  }

  @Test("issue: 200 with token and expiresOn; expiresInMinutes moves the expiry")
  func issue() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let path = SignedRequests.identityPath(id, "/:issueAccessToken")

      let standard = try await requests.send("POST", path, json: #"{"scopes": ["voip"]}"#)
      #expect(standard.status == 200)
      #expect(try standard.json()["expiresOn"] as? String == "2023-10-19T15:35:25.8305618+00:00")
      #expect(standard.bodyText.hasPrefix(#"{"token":"ey"#))

      let hour = try await requests.send(
        "POST", path, json: #"{"scopes": ["chat"], "expiresInMinutes": 60}"#)
      #expect(hour.status == 200)
      #expect(try hour.json()["expiresOn"] as? String == "2023-10-18T16:35:25.8305618+00:00")
    }
  }

  @Test("scope names and JSON member names are matched case-insensitively, as ASP.NET Core does")
  func caseInsensitiveBinding() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let response = try await requests.send(
        "POST", SignedRequests.identityPath(id, "/:issueAccessToken"),
        json: #"{"Scopes": ["VoIP"], "ExpiresInMinutes": 90}"#)
      #expect(response.status == 200)
      #expect(try response.json()["expiresOn"] as? String == "2023-10-18T17:05:25.8305618+00:00")
    }
  }

  @Test("revoke and delete: 204 with no body")
  func revokeAndDelete() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let revoke = try await requests.send(
        "POST", SignedRequests.identityPath(id, "/:revokeAccessTokens"))
      #expect(revoke.status == 204)
      #expect(revoke.body.isEmpty)
      let delete = try await requests.send("DELETE", SignedRequests.identityPath(id))
      #expect(delete.status == 204)
      #expect(delete.body.isEmpty)
      #expect(await emulator.identityCount() == 0)
    }
  }

  @Test("a deleted identity is gone: issue, revoke and delete answer 404 with an error body")
  func deletedIdentityIsGone() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      _ = try await requests.send("DELETE", SignedRequests.identityPath(id))
      let attempts = [
        ("POST", SignedRequests.identityPath(id, "/:issueAccessToken"), #"{"scopes":["chat"]}"#),
        ("POST", SignedRequests.identityPath(id, "/:revokeAccessTokens"), ""),
        ("DELETE", SignedRequests.identityPath(id), ""),
      ]
      for (method, path, body) in attempts {
        let response = try await requests.send(method, path, json: body)
        #expect(response.status == 404, "\(method) \(path)")
        let error = try response.serviceError()
        #expect(error.code == "IdentityNotFound")
        #expect(error.message.contains(id))
      }
    }
  }

  @Test("an identity that never existed is 404 too")
  func unknownIdentity() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(
        "POST", SignedRequests.identityPath("8:acs:nobody", "/:revokeAccessTokens"))
      #expect(response.status == 404)
      #expect(try response.serviceError().code == "IdentityNotFound")
    }
  }

  @Test("the client request id is echoed")
  func echoesClientRequestID() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let bytes = requests.request(
        "POST", "/identities?api-version=2023-10-01",
        extraHeaders: [("x-ms-client-request-id", "3f1c2a9e-0000-4000-8000-000000000abc")])
      let response = try await RawHTTP.send(port: requests.port, bytes)
      #expect(response.status == 201)
      #expect(response.header("x-ms-client-request-id") == "3f1c2a9e-0000-4000-8000-000000000abc")
    }
  }

  @Test(
    "older api-versions: 2022-10-01 knows only chat and voip; 2021-03-07 ignores expiresInMinutes")
  func apiVersions() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let encoded = PercentEncoding.encode(id)
      let joinScope = try await requests.send(
        "POST", "/identities/\(encoded)/:issueAccessToken?api-version=2022-10-01",
        json: #"{"scopes": ["chat.join"]}"#)
      #expect(joinScope.status == 400)
      #expect(try joinScope.serviceError().code == "ValidationError")

      let ignored = try await requests.send(
        "POST", "/identities/\(encoded)/:issueAccessToken?api-version=2021-03-07",
        json: #"{"scopes": ["chat"], "expiresInMinutes": 60}"#)
      #expect(ignored.status == 200)
      #expect(try ignored.json()["expiresOn"] as? String == "2023-10-19T15:35:25.8305618+00:00")

      let teamsTooOld = try await requests.send(
        "POST", "/teamsUser/:exchangeAccessToken?api-version=2021-03-07",
        json: #"{"token": "x", "appId": "y", "userId": "z"}"#)
      #expect(teamsTooOld.status == 400)
      #expect(try teamsTooOld.serviceError().code == "UnsupportedApiVersion")
    }
  }

  @Test("two deterministic emulators answer the same requests with the same bytes")
  func deterministicRunsAreIdentical() async throws {
    func transcript() async throws -> [String] {
      try await withEmulator { emulator in
        let requests = try SignedRequests(emulator)
        var bodies: [String] = []
        let created = try await requests.send(
          "POST", "/identities?api-version=2023-10-01",
          json: #"{"createTokenWithScopes": ["chat"]}"#)
        bodies.append(created.bodyText)
        let id = try await requests.createIdentity()
        let issued = try await requests.send(
          "POST", SignedRequests.identityPath(id, "/:issueAccessToken"),
          json: #"{"scopes": ["voip"], "expiresInMinutes": 120}"#)
        bodies.append(issued.bodyText)
        return bodies
      }
    }
    let first = try await transcript()
    let second = try await transcript()
    #expect(first == second)
    #expect(first.count == 2)
  }
}
