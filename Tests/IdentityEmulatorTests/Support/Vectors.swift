import Foundation

/// The seven requests the official Python SDK signed (`Tests/Fixtures/identity/`).
struct SignedRequestVector: Decodable, Sendable {
  let method: String
  let rawPath: String
  let headers: [String: String]
  let body: String

  enum CodingKeys: String, CodingKey {
    case method
    case rawPath = "raw_path"
    case headers
    case body
  }

  /// The key that signed them (README.md beside the vectors).
  static let accessKey = Array(
    Data(
      base64Encoded:
        "0gcluUYEJyss5+ALD88v9rDP+wtChecGril/2m+TAZgURcSqSyox9nwcJCGJlsxgPKGXF3Dvglfm7yHW0pDXVw=="
    )!)

  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/identity", isDirectory: true)

  static func all() throws -> [SignedRequestVector] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("hmac-vectors.jsonl"))
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      try JSONDecoder().decode(SignedRequestVector.self, from: Data($0.utf8))
    }
  }

  /// The request as the SDK sent it, byte for byte but for `Connection: close`, with
  /// optional replacements.
  func bytes(
    body replacementBody: String? = nil, target: String? = nil, host: String? = nil,
    removing removed: Set<String> = []
  ) -> [UInt8] {
    let body = replacementBody ?? self.body
    var lines = ["\(method) \(target ?? rawPath) HTTP/1.1"]
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
      if removed.contains(name) || name == "Connection" || name == "Content-Length" { continue }
      lines.append("\(name): \(name == "Host" ? (host ?? value) : value)")
    }
    lines.append("Connection: close")
    lines.append("Content-Length: \(body.utf8.count)")
    return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
  }
}
