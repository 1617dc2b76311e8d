import CommunicationIdentity
import Foundation
import IdentityEmulator
import JWTKit
import Testing

@Suite("Access tokens")
struct AccessTokenTests {
  @Test("tokens are RS256 JWTs with the service's claims")
  func claims() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let id = try await requests.createIdentity()
      let response = try await requests.send(
        "POST", SignedRequests.identityPath(id, "/:issueAccessToken"),
        json: #"{"scopes": ["chat", "voip"], "expiresInMinutes": 60}"#)
      let token = try #require(try response.json()["token"] as? String)
      let jwt = try JWTParts(token)
      #expect(jwt.header["alg"] as? String == "RS256")
      #expect(jwt.header["typ"] as? String == "JWT")
      #expect((jwt.header["kid"] as? String)?.count == 32)
      #expect(jwt.claims["skypeid"] as? String == String(id.dropFirst(2)))
      #expect(jwt.claims["scp"] as? Int == 1792)
      #expect(jwt.claims["iat"] as? Int == 1_697_643_325)
      #expect(jwt.claims["csi"] as? String == "1697643325")
      #expect(jwt.claims["exp"] as? Int == 1_697_643_325 + 3600)
      #expect(jwt.claims["acsScope"] as? String == "chat,voip")
      #expect(jwt.claims["resourceId"] as? String == "00000000-0000-4000-8000-000000000000")
      #expect(jwt.claims["resourceLocation"] as? String == "unitedstates")
    }
  }

  @Test("tokens verify with the emulator's published public key, and not with another")
  func signatureVerifies() async throws {
    try await withEmulator(EmulatorConfiguration(requestReadTimeout: .seconds(120))) { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", json: #"{"createTokenWithScopes":["voip"]}"#)
      let accessToken = try #require(try response.json()["accessToken"] as? [String: Any])
      let token = try #require(accessToken["token"] as? String)

      let keys = JWTKeyCollection()
      await keys.add(
        rsa: try Insecure.RSA.PublicKey(pem: emulator.tokenPublicKeyPEM), digestAlgorithm: .sha256)
      let claims = try await keys.verify(token, as: PublicClaims.self)
      #expect(claims.acsScope == "voip")

      let tampered = token.dropLast(4) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA")
      await #expect(throws: (any Error).self) {
        _ = try await keys.verify(String(tampered), as: PublicClaims.self)
      }
      #expect(await emulator.introspect(String(tampered)).status == .invalid)
    }
  }

  @Test("revoking invalidates every earlier token of the identity, and only those")
  func revocation() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let first = try await requests.createIdentity()
      let second = try await requests.createIdentity()
      func issue(_ id: String, _ body: String) async throws -> String {
        let response = try await requests.send(
          "POST", SignedRequests.identityPath(id, "/:issueAccessToken"), json: body)
        return try #require(try response.json()["token"] as? String)
      }
      let early = try await issue(first, #"{"scopes": ["chat"]}"#)
      let earlyOther = try await issue(first, #"{"scopes": ["voip"], "expiresInMinutes": 60}"#)
      let unrelated = try await issue(second, #"{"scopes": ["chat"]}"#)
      #expect(await emulator.introspect(early).status == .active)

      let revoke = try await requests.send(
        "POST", SignedRequests.identityPath(first, "/:revokeAccessTokens"))
      #expect(revoke.status == 204)
      let late = try await issue(first, #"{"scopes": ["voip"]}"#)

      #expect(await emulator.introspect(early).status == .revoked)
      #expect(await emulator.introspect(earlyOther).status == .revoked)
      #expect(await emulator.introspect(late).status == .active)
      #expect(await emulator.introspect(unrelated).status == .active)
    }
  }

  @Test("deleting an identity invalidates its tokens")
  func deletion() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", json: #"{"createTokenWithScopes":["chat"]}"#)
      let json = try response.json()
      let id = try #require((json["identity"] as? [String: Any])?["id"] as? String)
      let token = try #require((json["accessToken"] as? [String: Any])?["token"] as? String)
      #expect(await emulator.introspect(token).active)
      _ = try await requests.send("DELETE", SignedRequests.identityPath(id))
      let introspection = await emulator.introspect(token)
      #expect(introspection.status == .identityDeleted)
      #expect(introspection.identity == id)
    }
  }

  @Test("introspection over HTTP: signed, outside the service's api-versions")
  func introspectionOverHTTP() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let created = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", json: #"{"createTokenWithScopes":["voip"]}"#)
      let token = try #require(
        (try created.json()["accessToken"] as? [String: Any])?["token"] as? String)

      let active = try await requests.send(
        "POST", "/emulator/:introspectToken", json: #"{"token": "\#(token)"}"#)
      #expect(active.status == 200)
      #expect(active.bodyText.hasPrefix(#"{"active":true,"status":"active","identity":"8:acs:"#))

      let garbage = try await requests.send(
        "POST", "/emulator/:introspectToken", json: #"{"token": "not-a-token"}"#)
      #expect(garbage.bodyText == #"{"active":false,"status":"invalid"}"#)

      let missing = try await requests.send("POST", "/emulator/:introspectToken", json: "{}")
      #expect(missing.status == 400)

      let unsigned = try await RawHTTP.send(
        port: requests.port,
        requests.request(
          "POST", "/emulator/:introspectToken", body: Array(#"{"token":"x"}"#.utf8),
          authorization: ""))
      #expect(unsigned.status == 401)
    }
  }

  @Test("a token signed by another emulator run is not recognized")
  func otherRunsTokens() async throws {
    let token = try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await requests.send(
        "POST", "/identities?api-version=2023-10-01", json: #"{"createTokenWithScopes":["chat"]}"#)
      return try #require(
        (try response.json()["accessToken"] as? [String: Any])?["token"] as? String)
    }
    // Same fixed key, but this run issued nothing.
    try await withEmulator { emulator in
      #expect(await emulator.introspect(token).status == .unknown)
    }
  }
}

/// The claims a token verifier reads.
struct PublicClaims: JWTPayload {
  var acsScope: String
  var exp: Int

  func verify(using algorithm: some JWTAlgorithm) async throws {}
}
