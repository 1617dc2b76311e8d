// Azure Communication Services - Sign an HTTP request, in Swift.
//
// Creates an identity with an access token through the Identity REST API, signing the
// request by hand with HMAC-SHA256 as every Communication Services request is signed.
//
// Run it with the connection string of a Communication Services resource:
//   COMMUNICATION_SERVICES_CONNECTION_STRING='endpoint=https://...;accesskey=...' \
//     swift run sign-request-quickstart

import Crypto
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Writes a line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

guard
  let connectionString = ProcessInfo.processInfo.environment[
    "COMMUNICATION_SERVICES_CONNECTION_STRING"]
else {
  printError("Set COMMUNICATION_SERVICES_CONNECTION_STRING to your resource's connection string.")
  exit(1)
}

do {
  print("Azure Communication Services - Sign an HTTP request")

  // endpoint=https://<resource>.communication.azure.com/;accesskey=<base64>
  var settings: [String: String] = [:]
  for part in connectionString.split(separator: ";") {
    if let separator = part.firstIndex(of: "=") {
      settings[part[..<separator].lowercased()] = String(part[part.index(after: separator)...])
    }
  }
  guard let endpoint = settings["endpoint"].flatMap(URL.init(string:)),
    let host = endpoint.host, let key = settings["accesskey"].flatMap({ Data(base64Encoded: $0) })
  else {
    printError("The connection string needs an endpoint and an access key.")
    exit(1)
  }
  let authority = endpoint.port.map { "\(host):\($0)" } ?? host
  let pathAndQuery = "/identities?api-version=2023-10-01"
  let body = Data(#"{"createTokenWithScopes":["chat"]}"#.utf8)

  // Hash the body, then sign the method, path and query, date, host and hash.
  let contentHash = Data(SHA256.hash(data: body)).base64EncodedString()
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  formatter.timeZone = TimeZone(identifier: "GMT")
  formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
  let date = formatter.string(from: Date())
  let stringToSign = "POST\n\(pathAndQuery)\n\(date);\(authority);\(contentHash)"
  let signature = Data(
    HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: SymmetricKey(data: key))
  ).base64EncodedString()
  print("\nContent hash: \(contentHash)")

  var request = URLRequest(url: URL(string: pathAndQuery, relativeTo: endpoint)!)
  request.httpMethod = "POST"
  request.setValue("application/json", forHTTPHeaderField: "Content-Type")
  request.setValue(date, forHTTPHeaderField: "x-ms-date")
  request.setValue(contentHash, forHTTPHeaderField: "x-ms-content-sha256")
  request.setValue(
    "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=\(signature)",
    forHTTPHeaderField: "Authorization")
  request.httpBody = body
  let (data, response) = try await URLSession.shared.data(for: request)
  print("Status: \((response as? HTTPURLResponse)?.statusCode ?? 0)")

  struct Created: Decodable {
    struct Identity: Decodable { var id: String }
    struct AccessToken: Decodable { var expiresOn: String }
    var identity: Identity
    var accessToken: AccessToken
  }
  let result = try JSONDecoder().decode(Created.self, from: data)
  print("\nCreated an identity with ID: \(result.identity.id)")
  print("Its access token for chat expires at \(result.accessToken.expiresOn)")
} catch {
  printError("Exception: \(error)")
  exit(1)
}
