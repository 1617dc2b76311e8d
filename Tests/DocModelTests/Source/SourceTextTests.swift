import DocModel
import Testing

@Suite struct SourceTextTests {
  @Test func lineEndingsAsCommonMarkCountsThem() {
    let source = SourceText(bytes: Array("a\nb\r\nc\rd".utf8))
    #expect(source.lineCount == 4)
    #expect((1...4).map(source.lineText) == ["a", "b", "c", "d"])
  }

  @Test func finalNewlineDoesNotStartALine() {
    #expect(SourceText(bytes: Array("a\n".utf8)).lineCount == 1)
    #expect(SourceText(bytes: Array("a\n\n".utf8)).lineCount == 2)
    #expect(SourceText(bytes: [UInt8]()).lineCount == 0)
  }

  @Test func byteOrderMarkIsRemoved() {
    let source = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("# x".utf8))
    #expect(source.hadByteOrderMark)
    #expect(source.lineText(1) == "# x")
  }

  @Test func columnsCountScalars() {
    let source = SourceText(bytes: Array("åäö x".utf8))
    // "x" is byte 8 (three 2-byte letters and a space), character 5.
    #expect(source.column(line: 1, byteColumn: 8) == 5)
    #expect(source.position(ofByte: 7) == SourcePosition(line: 1, column: 5))
  }

  @Test func invalidUTF8IsRepairedAndLocated() {
    let bytes = Array("ok\nbad ".utf8) + [0xC3, 0x28] + Array(" end\n".utf8)
    let source = SourceText(bytes: bytes)
    #expect(source.encodingProblem?.kind == .invalidUTF8)
    #expect(source.encodingProblem?.position == SourcePosition(line: 2, column: 5))
    #expect(source.lineText(2) == "bad \u{FFFD}( end")
  }

  @Test(
    arguments: [
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80],
    ] as [[UInt8]])
  func rejectsOverlongSurrogatesAndTruncatedSequences(_ bad: [UInt8]) {
    #expect(SourceText(bytes: Array("x".utf8) + bad).encodingProblem?.kind == .invalidUTF8)
  }

  @Test func nulBytesMeanBinary() {
    let source = SourceText(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    #expect(source.encodingProblem?.kind == .binary)
  }
}
