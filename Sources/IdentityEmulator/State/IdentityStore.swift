import Crypto
import Foundation

/// The emulator's state: identities, the tokens issued to them and their revocations.
///
/// An actor, so concurrent requests see one consistent history. Tokens are numbered in
/// issue order; revoking an identity's tokens invalidates every token numbered so far,
/// which stays exact even when the fixed clock gives every token the same issue time.
///
/// Two tokens with the same bytes (same identity, scopes and times, which the fixed clock
/// or issuing twice within a second can give) are one token: its standing follows its
/// latest issue, as it would with the real service.
actor IdentityStore {
  private struct IdentityRecord {
    /// Tokens numbered up to this one are revoked.
    var revokedThroughSerial: UInt64 = 0
  }

  /// What the store remembers of an issued token.
  struct TokenRecord: Sendable {
    /// The ACS identity the token was issued to; `nil` for a Teams user's token.
    var identityID: String?
    var serial: UInt64
  }

  private let resourceID: String
  private let sequentialIDs: Bool
  private var identities: [String: IdentityRecord] = [:]
  /// Deleted ids, so that introspection can tell "deleted" from "never existed".
  private var deleted: Set<String> = []
  private var tokens: [SHA256Digest: TokenRecord] = [:]
  private var nextIdentityNumber: UInt64 = 1
  private var nextTokenSerial: UInt64 = 1

  init(resourceID: String, sequentialIDs: Bool) {
    self.resourceID = resourceID
    self.sequentialIDs = sequentialIDs
  }

  /// Creates an identity and returns its id, `8:acs:<resource id>_<suffix>`.
  func createIdentity() -> String {
    let suffix: String
    if sequentialIDs {
      let hex = String(nextIdentityNumber, radix: 16)
      suffix = "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - hex.count) + hex
      nextIdentityNumber += 1
    } else {
      suffix = UUID().uuidString.lowercased()
    }
    let id = "8:acs:\(resourceID)_\(suffix)"
    identities[id] = IdentityRecord()
    return id
  }

  /// Whether an identity exists (was created and not deleted).
  func contains(_ id: String) -> Bool {
    identities[id] != nil
  }

  /// Numbers a token about to be issued to an identity; `nil` if the identity does not exist.
  func reserveTokenSerial(for id: String?) -> UInt64? {
    if let id, identities[id] == nil { return nil }
    defer { nextTokenSerial += 1 }
    return nextTokenSerial
  }

  /// Remembers a signed token.
  func register(token: String, identityID: String?, serial: UInt64) {
    tokens[SHA256.hash(data: Data(token.utf8))] = TokenRecord(
      identityID: identityID, serial: serial)
  }

  /// Revokes every token issued to an identity so far; `false` if it does not exist.
  func revokeTokens(of id: String) -> Bool {
    guard identities[id] != nil else { return false }
    identities[id]?.revokedThroughSerial = nextTokenSerial - 1
    return true
  }

  /// Deletes an identity, which also invalidates its tokens; `false` if it does not exist.
  func deleteIdentity(_ id: String) -> Bool {
    guard identities.removeValue(forKey: id) != nil else { return false }
    deleted.insert(id)
    return true
  }

  /// Where a token stands in the store's history.
  enum TokenStanding: Sendable, Equatable {
    case active
    case revoked
    case identityDeleted
    case unknown
  }

  /// Whether a token was issued here and is still in force (expiry aside).
  func standing(of token: String) -> TokenStanding {
    guard let record = tokens[SHA256.hash(data: Data(token.utf8))] else { return .unknown }
    guard let id = record.identityID else { return .active }
    guard let identity = identities[id] else {
      return deleted.contains(id) ? .identityDeleted : .unknown
    }
    return record.serial <= identity.revokedThroughSerial ? .revoked : .active
  }

  /// The number of identities that exist.
  var identityCount: Int { identities.count }
}
