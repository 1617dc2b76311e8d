/// What an access token allows its holder to do.
public struct CommunicationTokenScope: RawRepresentable, Sendable, Hashable, Codable,
  CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// Chat: use chat threads.
  public static let chat = CommunicationTokenScope(rawValue: "chat")
  /// VoIP: make and receive calls.
  public static let voip = CommunicationTokenScope(rawValue: "voip")
  /// Join chat threads only (api-version 2023-10-01).
  public static let chatJoin = CommunicationTokenScope(rawValue: "chat.join")
  /// Join chat threads with limited rights (api-version 2023-10-01).
  public static let chatJoinLimited = CommunicationTokenScope(rawValue: "chat.join.limited")
  /// Join calls only (api-version 2023-10-01).
  public static let voipJoin = CommunicationTokenScope(rawValue: "voip.join")

  public var description: String { rawValue }
}
