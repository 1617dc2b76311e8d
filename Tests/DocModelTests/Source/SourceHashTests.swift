import DocModel
import Foundation
import TestSupport
import Testing

/// `ms.openlocfilehash`: SHA-1 of the source with CRLF line endings.
@Suite struct SourceHashTests {
  @Test func bareLineFeedsBecomeCRLF() {
    // sha1("# A\r\n")
    #expect(
      SourceHash.openLocFileHash(of: Array("# A\n".utf8))
        == "cbd6fa9143fe1cc72038755c3c216d1fbbcb45dd")
    #expect(
      SourceHash.openLocFileHash(of: Array("# A\r\n".utf8))
        == "cbd6fa9143fe1cc72038755c3c216d1fbbcb45dd")
  }

  @Test func mixedEndingsAndNoFinalNewline() {
    // sha1("a\r\nb\r\nc"): an existing CR is not doubled, a missing final newline not added.
    let expected = "ee218d56ed3ff1121e975e2bd0d66a8430c5c1d4"
    #expect(SourceHash.openLocFileHash(of: Array("a\r\nb\nc".utf8)) == expected)
    #expect(SourceHash.openLocFileHash(of: Array("a\r\nb\r\nc".utf8)) == expected)
    #expect(SourceHash.openLocFileHash(of: Array("a\nb\nc\n".utf8)) != expected)
  }

  @Test func emptyFileHashesToTheEmptySHA1() {
    #expect(SourceHash.openLocFileHash(of: []) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
  }

  @Test func largeInputsHashTheSameInChunks() {
    let text = String(repeating: "line of text\n", count: 20_000)
    let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(
      SourceHash.openLocFileHash(of: Array(text.utf8))
        == SourceHash.openLocFileHash(of: Array(crlf.utf8)))
  }

  /// The corpus's sv-se copy of user-access-token-java.md was made from the very en-us
  /// version in the corpus: Microsoft's own hash proves the definition.
  @Test func reproducesMicrosoftsHashOnTheCorpus() throws {
    let source = Fixtures.corpora.appendingPathComponent(
      "azure-docs-acs/en-us/communication-services/quickstarts/includes/user-access-token-java.md")
    let bytes = Array(try Data(contentsOf: source))
    #expect(SourceHash.openLocFileHash(of: bytes) == "6b75548d6fce7539c2eeb71523a5a045b0b6607b")
  }

  @Test func recognizesHashesAndCommitNames() {
    #expect(SourceHash.isSHA1("6B75548D6FCE7539C2EEB71523A5A045B0B6607B"))
    #expect(!SourceHash.isSHA1("6b75548d"))
    #expect(!SourceHash.isSHA1("zz75548d6fce7539c2eeb71523a5a045b0b6607b"))
    #expect(SourceHash.isCommitName("772eb9c"))
    #expect(!SourceHash.isCommitName("--all"))
    #expect(!SourceHash.isCommitName("HEAD"))
  }
}
