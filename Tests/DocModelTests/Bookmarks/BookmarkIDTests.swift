import DocModel
import Testing

@Suite struct BookmarkIDTests {
  @Test(
    arguments: [
      ("Clean up resources", "clean-up-resources"),
      ("This - is a &@! heading _ with . and ! -", "this---is-a--heading-_-with--and---"),
      ("Create a new C# application", "create-a-new-c-application"),
      ("Förutsättningar", "förutsättningar"),
      ("ÄÖÅ Ünïcödé ß", "äöå-ünïcödé-ß"),
      ("Step 1: Install", "step-1-install"),
      ("  leading and trailing  ", "--leading-and-trailing--"),
      ("Math 𝐀𝐁 letters", "math--letters"),
      ("🚀🎉", ""),
      ("Привет мир", "привет-мир"),
      ("日本語の見出し", "日本語の見出し"),
    ])
  func slug(text: String, expected: String) {
    #expect(BookmarkID.slug(text) == expected)
  }

  @Test func duplicatesTakeTheFirstFreeSuffix() {
    var allocator = BookmarkAllocator()
    #expect(allocator.allocate(slug: "errors") == "errors")
    #expect(allocator.allocate(slug: "errors") == "errors-1")
    #expect(allocator.allocate(slug: "errors-1") == "errors-1-1")
    #expect(allocator.allocate(slug: "errors") == "errors-2")
  }

  @Test func emptySlugsBecomeSection() {
    var allocator = BookmarkAllocator()
    #expect(allocator.allocate(slug: "") == "section")
    #expect(allocator.allocate(slug: "") == "section-1")
  }

  @Test func headingsGetTheRequiredIds() throws {
    let page = try fixture("headings.md")
    let ids = page.headings.map(\.id)
    #expect(
      Array(ids.prefix(10)) == [
        "clean-up-resources", "this---is-a--heading-_-with--and---",
        "create-a-new-c-application", "förutsättningar", "errors", "errors-1", "errors-1-1",
        "next-steps", "section", "section-1",
      ])
  }

  @Test func leadingAnchorOverridesTheIdButStillReservesTheAutoId() {
    let page = parse(
      """
      ## <a name="next-steps"></a>Errors

      ## Errors
      """)
    #expect(page.headings.map(\.id) == ["next-steps", "errors-1"])
    #expect(page.headings[0].autoId == "errors")
    #expect(page.anchors.isEmpty, "the consumed <a name> is the heading's id, not an anchor")
  }

  @Test func anchorOverrideFollowsDocFXPattern() {
    // Single quotes, a missing </a> or no text after the anchor: no override (DocFX's regex).
    let page = parse(
      """
      ## <a name='single'></a>Single quotes

      ## <a id="with-id"></a>Id form

      ## <a name="x"></a>

      ## <a  name="two-spaces" ></a>Spaces allowed
      """)
    #expect(page.headings.map(\.id) == ["single-quotes", "with-id", "section", "two-spaces"])
    #expect(page.anchors.map(\.id) == ["single", "x"])
  }

  @Test func headingTextDropsMarkupButKeepsCode() {
    let page = parse("### Use `create_user()` with *emphasis* and [a link](x.md) <b>bold</b>")
    #expect(page.headings[0].text == "Use create_user() with emphasis and a link bold")
    #expect(page.headings[0].id == "use-create_user-with-emphasis-and-a-link-bold")
  }

  @Test func includesAreSeparateFilesForDuplicates() {
    // Each parsed file has its own counter, as in DocFX where each include is its own file.
    #expect(parse("## Errors").headings[0].id == "errors")
    #expect(parse("## Errors\n\n## Errors").headings.map(\.id) == ["errors", "errors-1"])
  }
}
