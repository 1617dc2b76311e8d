import Foundation

/// Files under `Tests/Fixtures/identity/`.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // CommunicationIdentityTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures/identity", isDirectory: true)

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }
}

/// One request the official Python SDK signed (`hmac-vectors.jsonl`).
struct SignedRequestVector: Decodable, Sendable {
  let method: String
  let rawPath: String
  let headers: [String: String]
  let body: String
  let stringToSign: String

  enum CodingKeys: String, CodingKey {
    case method
    case rawPath = "raw_path"
    case headers
    case body
    case stringToSign = "string_to_sign"
  }

  /// The key that signed every vector (README.md beside the vectors).
  static let accessKey =
    "0gcluUYEJyss5+ALD88v9rDP+wtChecGril/2m+TAZgURcSqSyox9nwcJCGJlsxgPKGXF3Dvglfm7yHW0pDXVw=="

  static func all() throws -> [SignedRequestVector] {
    let text = String(decoding: try Fixtures.data("hmac-vectors.jsonl"), as: UTF8.self)
    return try text.split(separator: "\n").map {
      try JSONDecoder().decode(SignedRequestVector.self, from: Data($0.utf8))
    }
  }

  /// The `Signature=` part of the vector's `Authorization` header.
  var signature: String {
    let authorization = headers["Authorization"] ?? ""
    guard let range = authorization.range(of: "&Signature=") else { return "" }
    return String(authorization[range.upperBound...])
  }
}
