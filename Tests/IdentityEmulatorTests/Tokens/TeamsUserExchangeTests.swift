import CommunicationIdentity
import Foundation
import IdentityEmulator
import Testing

@Suite("Teams user token exchange")
struct TeamsUserExchangeTests {
  static let appID = "3a9f6c2e-1b7d-4e5a-9c8b-2d4e6f8a0b1c"
  static let userID = "7e1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f"
  /// An hour after the deterministic clock.
  static let expiry = 1_697_643_325 + 3600

  static func entraToken(appID: String = appID, userID: String = userID, expiry: Int = expiry)
    throws -> String
  {
    try JWTParts.unsignedToken(claims: [
      "aud": "https://auth.msft.communication.azure.com", "appid": appID, "oid": userID,
      "exp": expiry, "tid": "0d4e8f5a-0000-4000-8000-000000000000",
    ])
  }

  func exchange(_ requests: SignedRequests, token: String, appID: String, userID: String)
    async throws -> RawResponse
  {
    try await requests.send(
      "POST", "/teamsUser/:exchangeAccessToken?api-version=2023-10-01",
      json: #"{"token": "\#(token)", "appId": "\#(appID)", "userId": "\#(userID)"}"#)
  }

  @Test("a matching token, appId and userId give a token for the Teams user")
  func success() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let response = try await exchange(
        requests, token: try Self.entraToken(), appID: Self.appID, userID: Self.userID)
      #expect(response.status == 200)
      let json = try response.json()
      // The token lives no longer than the Entra token it came from.
      #expect(json["expiresOn"] as? String == "2023-10-18T16:35:25.0000000+00:00")
      let token = try #require(json["token"] as? String)
      #expect(try JWTParts(token).claims["skypeid"] as? String == "orgid:\(Self.userID)")
      let introspection = await emulator.introspect(token)
      #expect(introspection.status == .active)
      #expect(introspection.identity == "8:orgid:\(Self.userID)")
    }
  }

  @Test(
    "the service's errors, as recorded from the real service",
    arguments: [
      ("", TeamsUserExchangeTests.appID, "", 401, "InvalidAccessToken", nil),
      (
        "invalid", TeamsUserExchangeTests.appID, TeamsUserExchangeTests.userID, 401,
        "InvalidAccessToken", nil
      ),
      (
        "expired", TeamsUserExchangeTests.appID, TeamsUserExchangeTests.userID, 401,
        "InvalidAccessToken", nil
      ),
      ("valid", "", TeamsUserExchangeTests.userID, 400, "ValidationError", "AppId"),
      ("valid", "invalid", TeamsUserExchangeTests.userID, 400, "ValidationError", "appId"),
      ("valid", TeamsUserExchangeTests.appID, "", 400, "ValidationError", "UserId"),
      ("valid", TeamsUserExchangeTests.appID, "invalid", 400, "ValidationError", "userId"),
      (
        "valid", "81e78ca8-ade5-4998-9c05-1e17f850fcfe", TeamsUserExchangeTests.userID, 400,
        "ValidationError", "appId"
      ),
      (
        "valid", TeamsUserExchangeTests.appID, "81e78ca8-ade5-4998-9c05-1e17f850fcfe", 400,
        "ValidationError", "userId"
      ),
    ] as [(String, String, String, Int, String, String?)])
  func errors(
    tokenKind: String, appID: String, userID: String, status: Int, code: String, target: String?
  ) async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let token: String
      switch tokenKind {
      case "valid": token = try Self.entraToken()
      case "expired": token = try Self.entraToken(expiry: 1_697_643_325 - 1)
      default: token = tokenKind
      }
      let response = try await exchange(requests, token: token, appID: appID, userID: userID)
      #expect(response.status == status)
      let error = try response.serviceError()
      #expect(error.code == code)
      #expect(error.target == target)
    }
  }

  @Test("the messages match the real service's")
  func messages() async throws {
    try await withEmulator { emulator in
      let requests = try SignedRequests(emulator)
      let wrongApp = try await exchange(
        requests, token: try Self.entraToken(), appID: "81e78ca8-ade5-4998-9c05-1e17f850fcfe",
        userID: Self.userID)
      #expect(try wrongApp.serviceError().message == "AAD application is not the expected one.")
      let wrongUser = try await exchange(
        requests, token: try Self.entraToken(), appID: Self.appID,
        userID: "81e78ca8-ade5-4998-9c05-1e17f850fcfe")
      #expect(
        try wrongUser.serviceError().message == "Provided AAD token issued for unexpected user.")
      let badToken = try await exchange(
        requests, token: "x.y.z", appID: Self.appID, userID: Self.userID)
      #expect(try badToken.serviceError().message == "Provided access token is not valid.")
    }
  }
}
