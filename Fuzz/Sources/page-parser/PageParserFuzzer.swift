import DocModel

/// libFuzzer's entry point: parses the input as a page and encodes the page as JSON.
///
/// A crash, a hang (`-timeout`) or running out of memory (`-rss_limit_mb`) is a bug. So is
/// a page that breaks the model's own promises, which `checkInvariants` traps on: a
/// position outside the file, or a zone index that names no zone.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let page = PageParser.parse(bytes: bytes, path: "fuzz.md")
  checkInvariants(page)
  do {
    let json = try page.dumpJSON()
    if !json.hasSuffix("\n") { fatalError("dumpJSON() output does not end with a newline") }
  } catch {
    fatalError("dumpJSON() threw: \(error)")
  }
  return 0
}

/// Traps when a page reports a position outside its file or a zone that does not exist.
func checkInvariants(_ page: Page) {
  let lastLine = max(page.lineCount, 1)
  // `fatalError`, not `precondition`: release builds keep its message.
  func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("page invariant: \(message())") }
  }
  func check(_ what: String, line: Int, column: Int = 1, endLine: Int? = nil, zone: Int? = nil) {
    require((1...lastLine).contains(line), "\(what): line \(line) outside 1...\(lastLine)")
    require(column >= 1, "\(what): column \(column) < 1")
    if let endLine {
      require(
        (line...lastLine).contains(endLine),
        "\(what): end line \(endLine) outside \(line)...\(lastLine)")
    }
    if let zone {
      require(page.zones.indices.contains(zone), "\(what): zone \(zone) does not exist")
    }
  }
  for zone in page.zones {
    check("zone", line: zone.line, column: zone.column, endLine: zone.endLine)
  }
  for include in page.includes {
    check("include", line: include.line, column: include.column, zone: include.zone)
  }
  for heading in page.headings {
    check("heading", line: heading.line, column: heading.column, zone: heading.zone)
  }
  for link in page.links { check("link", line: link.line, column: link.column, zone: link.zone) }
  for anchor in page.anchors {
    check("anchor", line: anchor.line, column: anchor.column, zone: anchor.zone)
  }
  for block in page.codeBlocks {
    check("code block", line: block.line, endLine: block.endLine, zone: block.zone)
  }
  for comment in page.comments {
    check("comment", line: comment.line, column: comment.column, endLine: comment.endLine)
  }
  for image in page.images {
    check("image", line: image.line, column: image.column, endLine: image.endLine, zone: image.zone)
  }
  for reference in page.codeReferences {
    check("code reference", line: reference.line, column: reference.column, zone: reference.zone)
  }
  for alert in page.alerts { check("alert", line: alert.line, column: alert.column) }
  for section in page.sections { check("section", line: section.line, column: section.column) }
  for video in page.videos { check("video", line: video.line, column: video.column) }
  for tab in page.tabs { check("tab", line: tab.line, column: tab.column) }
  for diagnostic in page.diagnostics {
    check("diagnostic \(diagnostic.rule)", line: diagnostic.line, column: diagnostic.column)
  }
}
