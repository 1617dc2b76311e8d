/// A Communication Services user, known by its raw id (`8:acs:<resource>_<suffix>`).
public struct CommunicationUserIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The full id, as the service returns it.
  public let rawId: String

  public init(_ rawId: String) {
    self.rawId = rawId
  }

  public var description: String { rawId }
}
