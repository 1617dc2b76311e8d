import Checks
import Testing
import Transcripts

@Suite struct BlockRewriterTests {
  func rewrite(_ text: String, _ edit: BlockRewriter.Edit) throws -> String {
    String(decoding: try BlockRewriter.apply([edit], to: Array(text.utf8)), as: UTF8.self)
  }

  @Test func replacesOnlyTheContent() throws {
    let text = "# T\n\nBefore.\n\n```console\nold 1\nold 2\n```\n\nAfter.\n"
    let result = try rewrite(text, .init(line: 5, endLine: 8, content: "new\n"))
    #expect(result == "# T\n\nBefore.\n\n```console\nnew\n```\n\nAfter.\n")
  }

  @Test func keepsListIndentationQuotePrefixesAndCRLF() throws {
    let list = "1. Step\n\n   ```console\n   old\n   ```\n"
    #expect(
      try rewrite(list, .init(line: 3, endLine: 5, content: "a\n\nb\n"))
        == "1. Step\n\n   ```console\n   a\n\n   b\n   ```\n")
    let quote = "> ```\n> old\n> ```\n"
    #expect(
      try rewrite(quote, .init(line: 1, endLine: 3, content: "x\n\ny\n"))
        == "> ```\n> x\n>\n> y\n> ```\n")
    let crlf = "\u{FEFF}# T\r\n```\r\nold\r\n```\r\ntail"
    #expect(
      try rewrite(crlf, .init(line: 2, endLine: 4, content: "new\n"))
        == "\u{FEFF}# T\r\n```\r\nnew\r\n```\r\ntail")
  }

  @Test func severalEditsInOneFile() throws {
    let text = "```\na\n```\n\n```\nb\n```\n"
    let result = try BlockRewriter.apply(
      [.init(line: 1, endLine: 3, content: "A\nA\n"), .init(line: 5, endLine: 7, content: "B\n")],
      to: Array(text.utf8))
    #expect(String(decoding: result, as: UTF8.self) == "```\nA\nA\n```\n\n```\nB\n```\n")
  }

  @Test func refusesWhenTheFileChanged() {
    #expect(throws: BlockRewriter.RewriteError.notAFence(1)) {
      try BlockRewriter.apply(
        [.init(line: 1, endLine: 3, content: "x")], to: Array("text\nmore\nend\n".utf8))
    }
  }
}

@Suite struct TranscriptFixerTests {
  let normalizer = Normalizer()
  let golden = """
    Quickstart

    Created an identity with ID: 8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-0000-0000-000000000001
    Expires at 2023-10-19T15:35:25.8305618+00:00

    Deleted the identity with ID: 8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-0000-0000-000000000001

    """

  @Test func keepsThePagesValuesAndFixesOnlyWhatDrifted() {
    let page = """
      Quickstart

      Created an identity with ID: 8:acs:aaaa_1
      Expires at 10/11/2022 7:34:29 AM +00:00

      Removed the identity with ID: 8:acs:aaaa_1

      """
    let fixed = TranscriptFixer.fixedText(page: page, golden: golden, normalizer: normalizer)
    #expect(
      fixed == """
        Quickstart

        Created an identity with ID: 8:acs:aaaa_1
        Expires at 10/11/2022 7:34:29 AM +00:00

        Deleted the identity with ID: 8:acs:aaaa_1

        """)
    #expect(
      TranscriptMatcher.matches(
        expected: normalizer.normalize(fixed), actual: normalizer.normalize(golden)))
  }

  @Test func keepsWildcardsThatStillMatch() {
    let page = "Quickstart\n...\nGone line\n"
    let fixed = TranscriptFixer.fixedText(page: page, golden: golden, normalizer: normalizer)
    #expect(fixed.hasPrefix("Quickstart\n...\n"))
    #expect(
      TranscriptMatcher.matches(
        expected: normalizer.normalize(fixed), actual: normalizer.normalize(golden)))
  }

  @Test func fixingTwiceChangesNothing() {
    let page = "Quickstart\n\nCreated an identity: 8:acs:x_1\n"
    let once = TranscriptFixer.fixedText(page: page, golden: golden, normalizer: normalizer)
    #expect(TranscriptFixer.fixedText(page: once, golden: golden, normalizer: normalizer) == once)
  }
}
