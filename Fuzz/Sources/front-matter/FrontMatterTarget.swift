import DocModel

/// libFuzzer's entry point: reads the input's YAML front matter as a page's.
///
/// A crash, a hang or running out of memory is a bug (YAML aliases, deep nesting and huge
/// scalars go through libyaml and Yams). So is a result that breaks the parser's promises,
/// which `checkInvariants` traps on: a block that ends before it starts or past the file, an
/// entry or a finding on a line outside the file or outside the block, an unclosed block that
/// still has entries, a finding of another rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let source = SourceText(bytes: bytes)
  let result = FrontMatterParser.parse(source, path: "fuzz.md")
  checkInvariants(result, lineCount: source.lineCount)
  return 0
}

/// Traps when the parsed front matter breaks one of the parser's promises.
func checkInvariants(_ result: FrontMatterParser.Result, lineCount: Int) {
  // `fatalError`, not `precondition`: release builds keep its message.
  func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("front matter invariant: \(message())") }
  }
  let frontMatter = result.frontMatter
  let lastLine = max(lineCount, 1)
  require(
    (frontMatter.startLine == nil) == (frontMatter.endLine == nil),
    "start line \(String(describing: frontMatter.startLine)) without an end line or back")
  if let start = frontMatter.startLine, let end = frontMatter.endLine {
    require(start == 1, "the block starts on line \(start), not 1")
    require((start + 1...lastLine).contains(end), "the block ends on line \(end)")
    for entry in frontMatter.entries {
      require(
        (start + 1..<end).contains(entry.line),
        "entry '\(entry.key)' on line \(entry.line), outside the block \(start)...\(end)")
    }
  } else {
    require(frontMatter.entries.isEmpty, "entries without a closed block")
  }
  for diagnostic in result.diagnostics {
    require(diagnostic.rule == .frontMatterInvalid, "a finding of rule \(diagnostic.rule)")
    require((1...lastLine).contains(diagnostic.line), "finding on line \(diagnostic.line)")
    require(diagnostic.column >= 1, "finding in column \(diagnostic.column)")
    require(!diagnostic.message.isEmpty, "a finding without a message")
    if let end = frontMatter.endLine {
      require(diagnostic.line <= end, "finding on line \(diagnostic.line) past the block")
    }
  }
}
