import CommunicationIdentity

/// The request target as sent (`/identities/8%3Aacs%3A…?api-version=2023-10-01`), with its
/// path segments and query parameters decoded.
struct RequestTarget: Sendable, Equatable {
  /// The target exactly as received; the string to sign uses it.
  let raw: String
  /// The path before `?`, still encoded.
  let rawPath: String
  /// The decoded path segments, without the leading empty one (`["identities", "8:acs:…"]`).
  let segments: [String]
  /// The decoded query parameters, in order.
  let query: [(name: String, value: String)]

  static func == (lhs: RequestTarget, rhs: RequestTarget) -> Bool { lhs.raw == rhs.raw }

  /// Reads an origin-form request target; a malformed percent-encoding is a 400.
  init(_ raw: String) throws(ServiceFailure) {
    guard raw.hasPrefix("/") else {
      throw .invalidRequest("The request target '\(raw)' is not an absolute path.")
    }
    self.raw = raw
    let pathAndQuery = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let rawPath = String(pathAndQuery[0])
    self.rawPath = rawPath

    var segments: [String] = []
    for rawSegment in rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      guard let segment = PercentEncoding.decode(rawSegment) else {
        throw .invalidRequest(
          "The request path segment '\(rawSegment)' has a malformed percent-encoding.")
      }
      segments.append(segment)
    }
    // A trailing slash names the same resource, as in ASP.NET Core routing.
    if segments.count > 1, segments.last == "" { segments.removeLast() }
    self.segments = segments

    var query: [(name: String, value: String)] = []
    if pathAndQuery.count == 2 {
      for parameter in pathAndQuery[1].split(separator: "&") {
        let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let name = PercentEncoding.decode(parts[0], plusAsSpace: true),
          let value = PercentEncoding.decode(parts.count == 2 ? parts[1] : "", plusAsSpace: true)
        else {
          throw .invalidRequest(
            "The query parameter '\(parameter)' has a malformed percent-encoding.")
        }
        query.append((name, value))
      }
    }
    self.query = query
  }

  /// The last value of a query parameter, matched case-insensitively.
  func queryValue(_ name: String) -> String? {
    let lowered = name.lowercased()
    return query.last { $0.name.lowercased() == lowered }?.value
  }
}
