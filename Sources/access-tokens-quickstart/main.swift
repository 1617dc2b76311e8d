// Azure Communication Services - Access Tokens Quickstart, in Swift.
//
// Creates an identity, issues it a VoIP access token, creates a second identity together
// with a token, then revokes the first identity's tokens and deletes it.
//
// Run it with the connection string of a Communication Services resource:
//   COMMUNICATION_SERVICES_CONNECTION_STRING='endpoint=https://...;accesskey=...' \
//     swift run access-tokens-quickstart

import CommunicationIdentity
import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

let environment = ProcessInfo.processInfo.environment
guard let connectionString = environment["COMMUNICATION_SERVICES_CONNECTION_STRING"] else {
  printError(
    "Set COMMUNICATION_SERVICES_CONNECTION_STRING to your resource's connection string "
      + "(Azure portal > your Communication Services resource > Keys).")
  exit(1)
}

do {
  print("Azure Communication Services - Access Tokens Quickstart")

  // Authenticate with the connection string.
  let client = try CommunicationIdentityClient(connectionString: connectionString)

  // Create an identity.
  let identity = try await client.createUser()
  print("\nCreated an identity with ID: \(identity.rawId)")

  // Issue an access token with the "voip" scope for the identity.
  let tokenResponse = try await client.getToken(for: identity, scopes: [.voip])
  print("\nIssued an access token with 'voip' scope that expires at \(tokenResponse.expiresOn):")
  print(tokenResponse.token)

  // Create an identity and issue an access token for it in the same request.
  let identityTokenResult = try await client.createUserAndToken(scopes: [.voip])
  let secondIdentity = identityTokenResult.user
  let secondToken = identityTokenResult.accessToken
  print("\nCreated an identity with ID: \(secondIdentity.rawId)")
  print("\nIssued an access token with 'voip' scope that expires at \(secondToken.expiresOn):")
  print(secondToken.token)

  // Revoke the access tokens of the first identity.
  try await client.revokeTokens(for: identity)
  print("\nSuccessfully revoked all access tokens for identity with ID: \(identity.rawId)")

  // Delete the first identity.
  try await client.deleteUser(identity)
  print("\nDeleted the identity with ID: \(identity.rawId)")
} catch {
  printError("Exception: \(error)")
  exit(1)
}
