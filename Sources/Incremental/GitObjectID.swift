/// A git object name: the 20 bytes of SHA-1 or the 32 of SHA-256, compared as bytes.
public struct GitObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The bytes, big-endian in four words (zero after the last byte), so that comparing the
  /// words compares the bytes.
  private var words: (UInt64, UInt64, UInt64, UInt64)
  /// 20 or 32.
  public let byteCount: Int

  /// Parses 40 or 64 hexadecimal digits (either case); `nil` for anything else.
  public init?(hex: some Collection<UInt8>) {
    guard hex.count == 40 || hex.count == 64 else { return nil }
    var packed: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for (index, digit) in hex.enumerated() {
      let value: UInt64
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(digit - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(digit - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt64(digit - UInt8(ascii: "A") + 10)
      default: return nil
      }
      // 16 digits to a word, the first in the highest nibble.
      Self.merge(value << (60 - 4 * UInt64(index % 16)), intoWord: index / 16, of: &packed)
    }
    words = packed
    byteCount = hex.count / 2
  }

  /// The id with these 20 or 32 bytes; `nil` for another count.
  public init?(bytes: some Collection<UInt8>) {
    guard bytes.count == 20 || bytes.count == 32 else { return nil }
    var packed: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for (index, byte) in bytes.enumerated() {
      // 8 bytes to a word, the first in the highest byte.
      Self.merge(UInt64(byte) << (56 - 8 * UInt64(index % 8)), intoWord: index / 8, of: &packed)
    }
    words = packed
    byteCount = bytes.count
  }

  /// Sets the bits of `bits` in word `word` (0 to 3) of `packed`.
  private static func merge(
    _ bits: UInt64, intoWord word: Int, of packed: inout (UInt64, UInt64, UInt64, UInt64)
  ) {
    switch word {
    case 0: packed.0 |= bits
    case 1: packed.1 |= bits
    case 2: packed.2 |= bits
    default: packed.3 |= bits
    }
  }

  /// The id's bytes.
  public var bytes: [UInt8] {
    let packed = [words.0, words.1, words.2, words.3]
    return (0..<byteCount).map {
      UInt8(truncatingIfNeeded: packed[$0 / 8] >> (56 - 8 * UInt64($0 % 8)))
    }
  }

  /// The id as git prints it.
  public var description: String {
    bytes.map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }.joined()
  }

  public static func == (left: GitObjectID, right: GitObjectID) -> Bool {
    left.words == right.words && left.byteCount == right.byteCount
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
  }

  public static func < (left: GitObjectID, right: GitObjectID) -> Bool {
    (left.words.0, left.words.1, left.words.2, left.words.3, left.byteCount)
      < (right.words.0, right.words.1, right.words.2, right.words.3, right.byteCount)
  }
}
