import Crypto

/// The hash Microsoft's localization pipeline writes as `ms.openlocfilehash`.
public enum SourceHash {
  /// The SHA-1, in lowercase hex, of a file's bytes with every line ending as CRLF: a bare
  /// LF becomes CRLF, an existing CRLF stays as it is.
  public static func openLocFileHash(of bytes: [UInt8]) -> String {
    var hasher = Insecure.SHA1()
    let carriageReturn: [UInt8] = [0x0D]
    bytes.withUnsafeBytes { bytes in
      // The runs between bare LFs go to the hasher as they are, a CR before each such LF.
      var start = 0
      var index = 0
      while let offset = bytes[index...].firstIndex(of: 0x0A) {
        if offset == 0 || bytes[offset - 1] != 0x0D {
          hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
          carriageReturn.withUnsafeBytes { hasher.update(bufferPointer: $0) }
          start = offset
        }
        index = offset + 1
      }
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// Whether a front-matter value looks like a SHA-1 (40 hex digits, any case).
  public static func isSHA1(_ text: String) -> Bool {
    text.utf8.count == 40 && text.utf8.allSatisfy { isHexDigit($0) }
  }

  /// Whether a value can name a git commit: 7 to 40 hex digits (never an option).
  public static func isCommitName(_ text: String) -> Bool {
    (7...40).contains(text.utf8.count) && text.utf8.allSatisfy { isHexDigit($0) }
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
  }
}
