import DocSite
import Testing

@Suite struct RelativePathTests {
  @Test func resolve() {
    #expect(RelativePath.resolve("../c/./d.md", from: "a/b") == "a/c/d.md")
    #expect(RelativePath.resolve("x.md", from: "") == "x.md")
    #expect(RelativePath.resolve("../x.md", from: "") == nil)
    #expect(RelativePath.resolve("a//b/../c", from: "") == "a/c")
    #expect(RelativePath.escapes("../x"))
    #expect(!RelativePath.escapes("a/../x"))
  }

  @Test func percentDecoding() {
    #expect(RelativePath.percentDecoded("a%20b") == "a b")
    #expect(RelativePath.percentDecoded("f%C3%B6r") == "för")
    #expect(RelativePath.percentDecoded("%zz") == nil)
    #expect(RelativePath.percentDecoded("%FF") == nil)
  }
}
