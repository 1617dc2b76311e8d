extension Page {
  /// The fenced code block a marker comment (`<!-- docproof: ... -->`) stands for: the block
  /// right after it, blank lines aside; nil when the next thing is not a fenced block.
  public func fencedBlock(after comment: Comment) -> CodeBlock? {
    codeBlocks.first { $0.previousLine == comment.line && $0.line > comment.endLine }
      .flatMap { $0.fenced ? $0 : nil }
  }
}
