/// A git object name: the 20 bytes of SHA-1 or the 32 of SHA-256, compared as bytes.
public struct GitObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The bytes, big-endian in four words (zero after the last byte), so that comparing the
  /// words compares the bytes.
  private var words: (UInt64, UInt64, UInt64, UInt64)
  /// 20 or 32.
  public let byteCount: Int

  /// Parses 40 or 64 hexadecimal digits (either case); `nil` for anything else.
  public init?(hex: some Collection<UInt8>) {
    guard
      let parsed = hex.withContiguousStorageIfAvailable({ Self(hexDigits: $0) })
        ?? Array(hex).withUnsafeBufferPointer({ Self(hexDigits: $0) })
    else { return nil }
    self = parsed
  }

  /// Parses 40 or 64 hexadecimal digits, sixteen to a word.
  private init?(hexDigits digits: UnsafeBufferPointer<UInt8>) {
    guard digits.count == 40 || digits.count == 64 else { return nil }
    var packed: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var start = 0
    var word = 0
    while start < digits.count {
      let end = min(start + 16, digits.count)
      var value: UInt64 = 0
      for index in start..<end {
        let digit = digits[index]
        let decimal = digit &- UInt8(ascii: "0")
        let letter = (digit | 0x20) &- UInt8(ascii: "a")
        let nibble: UInt8
        if decimal < 10 {
          nibble = decimal
        } else if letter < 6 {
          nibble = letter + 10
        } else {
          return nil
        }
        value = value << 4 | UInt64(nibble)
      }
      // A last word of eight digits (SHA-1's 40) holds them in its high half.
      Self.merge(value << (4 * UInt64(16 - (end - start))), intoWord: word, of: &packed)
      start = end
      word += 1
    }
    words = packed
    byteCount = digits.count / 2
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

  /// The id with these 20 or 32 bytes, read a word at a time; `nil` for another count.
  init?(raw: UnsafeRawBufferPointer) {
    guard raw.count == 20 || raw.count == 32 else { return nil }
    func word(_ offset: Int) -> UInt64 {
      UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    let third =
      raw.count == 32
      ? word(16)
      : UInt64(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))) << 32
    words = (word(0), word(8), third, raw.count == 32 ? word(24) : 0)
    byteCount = raw.count
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
