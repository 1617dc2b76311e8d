import CommunicationIdentity
import Foundation

extension EmulatorService {
  /// `POST /teamsUser/:exchangeAccessToken`: a Communication Services token for a Teams user,
  /// in exchange for their Microsoft Entra ID token. 200.
  ///
  /// The checks and messages follow recordings of the real service: an unreadable or expired
  /// Entra token is 401 `InvalidAccessToken`; a missing or malformed `appId` or `userId`,
  /// or one that does not match the token's `appid` or `oid` claim, is 400
  /// `ValidationError`.
  func exchangeTeamsUserToken(body: [UInt8]) async throws(ServiceFailure) -> RouteResult {
    let request = try BodyValidation.object(try BodyValidation.parse(body))
    let token = try BodyValidation.string(request.member("token"), field: "token") ?? ""
    let appID = try BodyValidation.string(request.member("appId"), field: "appId") ?? ""
    let userID = try BodyValidation.string(request.member("userId"), field: "userId") ?? ""

    guard let claims = EntraTokenClaims(token: token),
      Int64(claims.expiresAt) * ServiceTimestamp.ticksPerSecond > clock.now()
    else { throw .invalidAccessToken }
    guard !appID.isEmpty else {
      throw .validation("AppId: The AppId field is required.", target: "AppId")
    }
    guard let app = UUID(uuidString: appID) else {
      throw .validation("Provided AppId has invalid format.", target: "appId")
    }
    guard !userID.isEmpty else {
      throw .validation("UserId: The UserId field is required.", target: "UserId")
    }
    guard let user = UUID(uuidString: userID) else {
      throw .validation("Provided UserId has invalid format.", target: "userId")
    }
    guard UUID(uuidString: claims.appID) == app else {
      throw .validation("AAD application is not the expected one.", target: "appId")
    }
    guard UUID(uuidString: claims.objectID) == user else {
      throw .validation("Provided AAD token issued for unexpected user.", target: "userId")
    }

    let expiresAt = Int64(claims.expiresAt) * ServiceTimestamp.ticksPerSecond
    let maximum = Int64(Self.defaultExpiresInMinutes) * 60 * ServiceTimestamp.ticksPerSecond
    let issued = try await issueToken(
      identityID: nil, skypeID: "orgid:" + userID.lowercased(), scopes: ["voip"],
      expiresAtTicks: { now in min(expiresAt, now + maximum) })
    guard let issued else { throw .internalError("The emulator could not issue a token.") }
    return .json(.ok, issued.json)
  }
}
