import Algorithms

/// The bytes of one file, decoded for parsing: BOM removed, invalid UTF-8 repaired, lines indexed.
///
/// Line endings are `\n`, `\r\n` or a lone `\r`, as CommonMark counts them, so line numbers
/// agree with cmark-gfm's source positions even in files with mixed line endings.
public struct SourceText: Sendable {
  /// A problem with the file's encoding, with the position of the first offending byte.
  public struct EncodingProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      /// The file holds NUL bytes: it is not text.
      case binary
      /// The file is not valid UTF-8; invalid sequences were replaced with U+FFFD.
      case invalidUTF8
    }
    public var kind: Kind
    public var position: SourcePosition
  }

  /// UTF-8 bytes, without a BOM, valid UTF-8.
  public let bytes: [UInt8]
  /// Byte offset where each line starts.
  public let lineStarts: [Int]
  /// Byte offset where each line's content ends (before its line terminator).
  public let lineEnds: [Int]
  /// Whether each line is pure ASCII (columns then equal byte offsets).
  private let asciiLines: [Bool]
  /// Whether the file started with a UTF-8 byte order mark.
  public let hadByteOrderMark: Bool
  /// Set when the file is binary or was not valid UTF-8.
  public let encodingProblem: EncodingProblem?

  public init<Bytes: Collection>(bytes raw: Bytes) where Bytes.Element == UInt8 {
    var input = Array(raw)
    if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
      input.removeFirst(3)
      hadByteOrderMark = true
    } else {
      hadByteOrderMark = false
    }

    var problem: EncodingProblem?
    if let nul = input.firstIndex(of: 0) {
      problem = EncodingProblem(kind: .binary, position: Self.position(ofByte: nul, in: input))
    } else if let bad = Self.firstInvalidUTF8Offset(input) {
      problem = EncodingProblem(
        kind: .invalidUTF8, position: Self.position(ofByte: bad, in: input))
      input = Array(String(decoding: input, as: UTF8.self).utf8)
    }
    encodingProblem = problem
    bytes = input

    var starts: [Int] = []
    var ends: [Int] = []
    var ascii: [Bool] = []
    starts.reserveCapacity(input.count / 32 + 1)
    ends.reserveCapacity(input.count / 32 + 1)
    ascii.reserveCapacity(input.count / 32 + 1)
    input.withUnsafeBufferPointer { buffer in
      var lineStart = 0
      var isASCII = true
      var index = 0
      let count = buffer.count
      while index < count {
        let byte = buffer[index]
        if byte == 0x0A || byte == 0x0D {
          starts.append(lineStart)
          ends.append(index)
          ascii.append(isASCII)
          if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
          index += 1
          lineStart = index
          isASCII = true
          continue
        }
        if byte >= 0x80 { isASCII = false }
        index += 1
      }
      if lineStart < count {
        starts.append(lineStart)
        ends.append(count)
        ascii.append(isASCII)
      }
    }
    lineStarts = starts
    lineEnds = ends
    asciiLines = ascii
  }

  /// The number of lines; a final line terminator does not start another line.
  public var lineCount: Int { lineStarts.count }

  /// The content bytes of a 1-based line, without its terminator.
  public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
    guard line >= 1, line <= lineStarts.count else { return [] }
    return bytes[lineStarts[line - 1]..<lineEnds[line - 1]]
  }

  /// The text of a 1-based line, without its terminator.
  public func lineText(_ line: Int) -> String {
    String(decoding: lineBytes(line), as: UTF8.self)
  }

  /// The 1-based scalar column of a 1-based byte column on a line.
  public func column(line: Int, byteColumn: Int) -> Int {
    guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
    if asciiLines[line - 1] { return byteColumn }
    let start = lineStarts[line - 1]
    let end = min(lineEnds[line - 1], start + byteColumn - 1)
    var scalars = 0
    var index = start
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
      index += 1
    }
    return scalars + 1 + max(0, byteColumn - 1 - (lineEnds[line - 1] - start))
  }

  /// The 1-based line holding a byte offset.
  public func line(ofByte offset: Int) -> Int {
    // The number of lines that start at or before the offset.
    max(1, lineStarts.partitioningIndex { $0 > offset })
  }

  /// The position of a byte offset.
  public func position(ofByte offset: Int) -> SourcePosition {
    let line = line(ofByte: offset)
    let start = lineStarts.isEmpty ? 0 : lineStarts[line - 1]
    return SourcePosition(line: line, column: column(line: line, byteColumn: offset - start + 1))
  }

  private static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < offset {
      let byte = bytes[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    var column = 1
    var cursor = lineStart
    while cursor < offset {
      if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
      cursor += 1
    }
    return SourcePosition(line: line, column: column)
  }

  /// The offset of the first byte that is not part of a valid UTF-8 sequence, if any.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      var index = 0
      let count = buffer.count
      while index < count {
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF:
          length = 2
          minimum = 0x80
          scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
          length = 3
          minimum = 0x800
          scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
          length = 4
          minimum = 0x10000
          scalar = UInt32(lead & 0x07)
        default:
          return index
        }
        guard index + length <= count else { return index }
        for offset in 1..<length {
          let next = buffer[index + offset]
          guard next & 0xC0 == 0x80 else { return index }
          scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
          return index
        }
        index += length
      }
      return nil
    }
  }
}
