import Checks
import DocModel
import Testing

/// A file the parser refuses is one finding, not one per rule that would read it.
@Suite struct FileFindingTests {
  @Test func aBinaryFileIsOneFindingOnly() async throws {
    let result = try await check(
      ["en-us/image.md": "\u{89}PNG\r\n\u{1A}\n\0\0\0"], requireFrontMatter: true)
    #expect(result.rules == [.invalidEncoding])
  }
}

/// Front matter the parser refused is one finding, not also every required field missing.
@Suite struct RefusedFrontMatterTests {
  @Test func aRefusedFrontMatterIsNotAlsoMissingEveryField() async throws {
    let result = try await check(
      ["en-us/page.md": "---\ntitle: [unclosed\n---\n# T\n"], requireFrontMatter: true)
    #expect(result.rules == [.frontMatterInvalid])
  }
}
