import DocModel

/// The words of a file that could name another file, as 64-bit hashes: what
/// `ReferenceScan` keeps of a file instead of its text, and what its cache stores.
///
/// A token is a maximal run of bytes that can be part of a file name (`isNameByte`); a
/// token ending in `.md` (any case) also stands without it. A needle made only of such
/// bytes occurs in a text as a whole path segment (not preceded by a name byte, and
/// followed by one that is not, or by `.md` and then one that is not) exactly when its hash
/// is among the text's token hashes; a needle with other bytes in it (a space, say) is split
/// into its runs, and a text is taken to hold it when it holds all of them: more files,
/// never fewer. A test holds this to a plain text search on random texts.
enum ReferenceTokens {
  /// The sorted, distinct token hashes of a text.
  static func hashes(of text: [UInt8]) -> [UInt64] {
    var result: [UInt64] = []
    text.withUnsafeBufferPointer { bytes in
      isName.withUnsafeBufferPointer { isName in
        var index = 0
        let count = bytes.count
        while index < count {
          guard isName[Int(bytes[index])] else {
            index += 1
            continue
          }
          let start = index
          while index < count, isName[Int(bytes[index])] { index += 1 }
          result.append(Self.hash(UnsafeBufferPointer(rebasing: bytes[start..<index])))
          if index - start > 3, bytes[index - 3] == UInt8(ascii: "."),
            bytes[index - 2] | 0x20 == UInt8(ascii: "m"),
            bytes[index - 1] | 0x20 == UInt8(ascii: "d")
          {
            result.append(Self.hash(UnsafeBufferPointer(rebasing: bytes[start..<index - 3])))
          }
        }
      }
    }
    result.sort()
    return result.uniqued()
  }

  /// The hashes a text must hold for `needle` to occur in it: one per run of name bytes.
  /// Empty for a needle without any (every text may hold it).
  static func runs(of needle: [UInt8]) -> [UInt64] {
    needle.withUnsafeBufferPointer { bytes in
      var result: [UInt64] = []
      var index = 0
      while index < bytes.count {
        guard isName[Int(bytes[index])] else {
          index += 1
          continue
        }
        let start = index
        while index < bytes.count, isName[Int(bytes[index])] { index += 1 }
        result.append(hash(UnsafeBufferPointer(rebasing: bytes[start..<index])))
      }
      result.sort()
      return result.uniqued()
    }
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    StableHash.fnv1a(bytes)
  }

  /// Letters, digits, `-_.~%` and every byte of a non-ASCII character.
  static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
      UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "%"), 0x80...0xFF:
      true
    default:
      false
    }
  }

  /// `isNameByte` for every byte value.
  private static let isName: [Bool] = (0...255).map { isNameByte(UInt8($0)) }
}

extension Array where Element: Equatable {
  /// A sorted array without repeated elements.
  fileprivate func uniqued() -> [Element] {
    guard count > 1 else { return self }
    var result: [Element] = []
    result.reserveCapacity(count)
    for element in self where result.last != element { result.append(element) }
    return result
  }
}
