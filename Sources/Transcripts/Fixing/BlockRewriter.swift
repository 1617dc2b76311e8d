/// Replaces the content of fenced code blocks in a file's bytes, changing nothing else.
///
/// New content lines get the container prefix of the opening fence line (a list item's
/// indentation, a block quote's `> `) and the line ending the file uses there.
public enum BlockRewriter {
  /// One block to rewrite: the lines of its fences and its new content.
  public struct Edit: Sendable, Hashable {
    /// The opening fence's line (1-based).
    public var line: Int
    /// The closing fence's line.
    public var endLine: Int
    /// The new content, lines separated by `\n` (a final `\n` optional).
    public var content: String

    public init(line: Int, endLine: Int, content: String) {
      self.line = line
      self.endLine = endLine
      self.content = content
    }
  }

  public enum RewriteError: Error, Equatable, CustomStringConvertible {
    case outOfRange(Int)
    case notAFence(Int)

    public var description: String {
      switch self {
      case .outOfRange(let line): "line \(line) is not in the file any more"
      case .notAFence(let line): "line \(line) is no longer a code fence: the file changed"
      }
    }
  }

  /// The file's bytes with every edit applied.
  public static func apply(_ edits: [Edit], to bytes: [UInt8]) throws(RewriteError) -> [UInt8] {
    // Line starts on the raw bytes (a BOM stays part of line 1).
    var starts = [0]
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        starts.append(index + 1)
      } else if bytes[index] == 0x0D {
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        starts.append(index + 1)
      }
      index += 1
    }
    func range(of line: Int) -> Range<Int> {
      starts[line - 1]..<(line < starts.count ? starts[line] : bytes.count)
    }

    var result = bytes
    for edit in edits.sorted(by: { $0.line > $1.line }) {
      guard edit.line >= 1, edit.endLine > edit.line, edit.endLine <= starts.count else {
        throw .outOfRange(edit.endLine)
      }
      let fence = Array(bytes[range(of: edit.line)])
      guard
        let fenceAt = fence.firstIndex(where: { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") }
        )
      else { throw .notAFence(edit.line) }
      let prefix = Array(fence[..<fenceAt])
      var blankPrefix = prefix
      while let last = blankPrefix.last, last == 0x20 || last == 0x09 { blankPrefix.removeLast() }
      let ending: [UInt8] =
        fence.suffix(2) == [0x0D, 0x0A] ? [0x0D, 0x0A] : fence.last == 0x0D ? [0x0D] : [0x0A]
      var lines = edit.content.split(separator: "\n", omittingEmptySubsequences: false)
      if edit.content.hasSuffix("\n") { lines.removeLast() }
      var replacement: [UInt8] = []
      for line in lines {
        replacement += (line.isEmpty ? blankPrefix : prefix) + Array(line.utf8) + ending
      }
      let start = starts[edit.line]
      let end = starts[edit.endLine - 1]
      result.replaceSubrange(start..<end, with: replacement)
    }
    return result
  }
}
