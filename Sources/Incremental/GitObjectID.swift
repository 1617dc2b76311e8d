/// A git object name: the 20 bytes of SHA-1 or the 32 of SHA-256.
///
/// Ids compare as their bytes do (a shorter id first when one begins the other).
public struct GitObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The id's 20 or 32 bytes.
  public let bytes: [UInt8]

  /// 20 or 32.
  public var byteCount: Int { bytes.count }

  /// The id with these 20 or 32 bytes; `nil` for another count.
  public init?(bytes: some Collection<UInt8>) {
    guard bytes.count == 20 || bytes.count == 32 else { return nil }
    self.bytes = Array(bytes)
  }

  /// Parses 40 or 64 hexadecimal digits (either case); `nil` for anything else.
  public init?(hex: some Collection<UInt8>) {
    guard hex.count == 40 || hex.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(hex.count / 2)
    var digits = hex.makeIterator()
    while let high = digits.next(), let low = digits.next() {
      guard let high = Self.value(ofDigit: high), let low = Self.value(ofDigit: low) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    self.bytes = bytes
  }

  /// The value of a hexadecimal digit; `nil` for another byte.
  private static func value(ofDigit digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The id as git prints it.
  public var description: String {
    let digits = Array("0123456789abcdef".utf8)
    return String(
      decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
  }

  public static func < (left: GitObjectID, right: GitObjectID) -> Bool {
    left.bytes.lexicographicallyPrecedes(right.bytes)
  }
}
