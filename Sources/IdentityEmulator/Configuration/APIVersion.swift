/// The api-versions the emulator answers, and what each of them allows.
enum APIVersion: String, CaseIterable, Sendable, Comparable {
  case march2021 = "2021-03-07"
  case june2022 = "2022-06-01"
  case october2022 = "2022-10-01"
  case october2023 = "2023-10-01"

  /// The newest version, the one the official SDKs speak.
  static let latest = october2023

  /// The value of the `api-supported-versions` response header.
  static let supportedVersionsHeader = allCases.map(\.rawValue).joined(separator: ", ")

  /// The token scopes this version knows.
  var scopes: [String] {
    switch self {
    case .march2021, .june2022, .october2022:
      ["chat", "voip"]
    case .october2023:
      ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"]
    }
  }

  /// Whether requests may set `expiresInMinutes` (older versions ignore it).
  var supportsCustomExpiration: Bool { self >= .october2022 }

  /// Whether the Teams user token exchange exists in this version.
  var supportsTeamsUserExchange: Bool { self >= .june2022 }

  static func < (lhs: APIVersion, rhs: APIVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
