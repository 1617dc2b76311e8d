import DocModel
import TestSupport
import Testing

@testable import DocSite

@Suite struct RelativePathTests {
  @Test func resolve() {
    #expect(RelativePath.resolve("../c/./d.md", from: "a/b") == "a/c/d.md")
    #expect(RelativePath.resolve("x.md", from: "") == "x.md")
    #expect(RelativePath.resolve("../x.md", from: "") == nil)
    #expect(RelativePath.resolve("a//b/../c", from: "") == "a/c")
    #expect(RelativePath.escapes("../x"))
    #expect(!RelativePath.escapes("a/../x"))
  }

  @Test func resolveWorksOnComponentsNotCharacters() {
    #expect(RelativePath.resolve("../../x", from: "a/b") == "x")
    #expect(RelativePath.resolve("../../../x", from: "a/b") == nil)
    #expect(RelativePath.resolve("./", from: "a/b/") == "a/b")
    #expect(RelativePath.resolve("..", from: "a") == "")
    #expect(RelativePath.resolve("/x//y/", from: "a") == "a/x/y")
    #expect(RelativePath.resolve("...", from: "a") == "a/...")
    #expect(RelativePath.resolve(".x/..y", from: "") == ".x/..y")
    #expect(RelativePath.resolve("../för/ö.md", from: "sv-se/ä") == "sv-se/för/ö.md")
    #expect(RelativePath.resolve("e\u{301}/../x", from: "") == "x")
  }

  @Test func fileExtension() {
    #expect(RelativePath.fileExtension(of: "a/b/c.MD") == "md")
    #expect(RelativePath.fileExtension(of: "a.b/c") == "")
    #expect(RelativePath.fileExtension(of: "a/.gitignore") == "")
    #expect(RelativePath.fileExtension(of: "a/x.tar.GZ") == "gz")
    #expect(RelativePath.fileExtension(of: "x.") == "")
    #expect(RelativePath.fileExtension(of: "bild.ÄBC") == "äbc")
    #expect(RelativePath.fileExtension(of: "") == "")
  }

  /// `isMarkdown` is `fileExtension(of:) == "md"`, on chosen and on random paths.
  @Test func isMarkdownIsTheMdExtension() {
    for path in [
      "a.md", "A.MD", "a/b.Md", ".md", "a/.md", "md", "a.mdx", "a.m", "x/y.md/z", "é.md",
    ] {
      #expect(
        RelativePath.isMarkdown(path) == (RelativePath.fileExtension(of: path) == "md"), "\(path)")
    }
    var random = SplitMix64(seed: 0x0DD_BA11)
    let alphabet = Array("mMdD./aé\u{212A}")
    for _ in 0..<5000 {
      let path = random.text(random.next(below: 7), from: alphabet)
      #expect(
        RelativePath.isMarkdown(path) == (RelativePath.fileExtension(of: path) == "md"),
        "\(path.debugDescription)")
    }
  }

  @Test func localeRelativePaths() {
    let locale = SiteLocale(name: "sv-se", folder: "sv-se", isSource: false)
    #expect(locale.relative("sv-se/a/b.md") == "a/b.md")
    #expect(locale.relative("sv-se") == "")
    #expect(locale.relative("sv-sex/a.md") == nil)
    #expect(locale.relative("en-us/a.md") == nil)
    #expect(locale.contains("sv-se/a.md") && !locale.contains("sv-se.md"))
    let whole = SiteLocale(name: "", folder: "", isSource: true)
    #expect(whole.relative("a/b.md") == "a/b.md" && whole.contains("x"))
  }

  @Test func trimmingSpacesTrimsLineBreaksAsBytes() {
    #expect(" \t a b \r\n".trimmingSpaces() == "a b")
    #expect("\r\n".trimmingSpaces() == "")
    #expect("".trimmingSpaces() == "")
    #expect("a".trimmingSpaces() == "a")
    #expect("é b ü".trimmingSpaces() == "é b ü")
    #expect("a\t".trimmingSpaces() == "a")
    #expect("\na".trimmingSpaces() == "a")
    #expect("a\r\n".trimmingSpaces() == "a", "CR-LF is one Character: bytes are compared")
    #expect("  ö ".trimmingSpaces() == "ö")
    #expect("x".trimmingSpaces() == "x")
  }

  @Test func percentDecoding() {
    #expect(RelativePath.percentDecoded("a%20b") == "a b")
    #expect(RelativePath.percentDecoded("f%C3%B6r") == "för")
    #expect(RelativePath.percentDecoded("%zz") == nil)
    #expect(RelativePath.percentDecoded("%FF") == nil)
  }
}
