import DocModel
import Testing

@Suite struct ImageDirectiveTests {
  @Test func sourceLightboxLinkAndComplexForm() throws {
    let page = try fixture("images.md")
    let images = page.images
    #expect(images[0].source == "media/screen.png")
    #expect(images[0].lightbox == "media/screen-big.png")
    #expect(images[0].altText == "A screen.")
    #expect(images[1].type == "icon" && images[1].altText == nil)
    #expect(images[2].link == "https://example.com/target")
    #expect(images[3].line == 9 && images[3].column == 8, "inline :::image in a paragraph")
    #expect(images[4].type == "complex" && images[4].endLine == 13)
  }

  @Test func attributeValuesAreNotLinks() throws {
    let page = try fixture("images.md")
    #expect(page.links.map(\.target) == ["media/markdown.png"])
  }

  @Test func validationFollowsDocFX() throws {
    let page = try fixture("images.md")
    #expect(
      page.findings(.invalidImage) == [
        "15:1 alt-text is a required attribute. Please ensure you have specified an alt-text "
          + "attribute.",
        "17:1 source is a required attribute. Please ensure you have specified a source "
          + "attribute.",
        "19:76 Image reference 'media/extra.png' is invalid per the schema. Unexpected "
          + "attribute: 'colour'.",
        "23:1 Invalid image on line 23. No \":::image-end:::\" found. Blocks should be "
          + "explicitly closed.",
      ])
  }

  @Test func imageEndNeedsItsClosingColons() {
    let page = parse(
      """
      :::image type="complex" source="a.png" alt-text="A.":::
      Description.
      :::image-end
      """)
    #expect(page.findingLines(.invalidImage) == [1, 3])
  }
}
