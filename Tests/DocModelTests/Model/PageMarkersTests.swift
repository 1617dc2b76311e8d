import DocModel
import Testing

/// The block a marker comment stands for is the fenced block right after it.
@Suite struct PageMarkersTests {
  static let page = PageParser.parse(
    bytes: Array(
      """
      # T

      <!-- docproof: transcript a -->

      ```console
      first
      ```

      <!-- docproof: transcript b -->
      Text between.

      ```console
      second
      ```

      <!--
      docproof: transcript c
      -->
      ```console
      third
      ```

      <!-- docproof: transcript d -->

          indented

      """.utf8), path: "page.md")

  func block(after argument: String) throws -> String? {
    let comment = try #require(Self.page.comments.first { $0.text.hasSuffix(argument) })
    return Self.page.fencedBlock(after: comment)?.text
  }

  @Test func theFencedBlockRightAfterAMarkerBlankLinesAside() throws {
    #expect(try block(after: "transcript a") == "first\n")
  }

  @Test func aMultiLineMarkerStandsForTheBlockAfterItsEnd() throws {
    #expect(try block(after: "transcript c") == "third\n")
  }

  @Test func textOrAnIndentedBlockAfterTheMarkerIsNoBlock() throws {
    #expect(try block(after: "transcript b") == nil)
    #expect(try block(after: "transcript d") == nil)
  }
}
