import DocModel
import Localization
import Testing

/// What a page's structure is made of.
@Suite struct PageStructureTests {
  func structure(_ text: String, transcripts: Set<Int> = []) -> PageStructure {
    PageStructure(
      of: PageParser.parse(bytes: Array(text.utf8), path: "x.md"), transcriptLines: transcripts,
      localeNames: ["en-us", "sv-se"])
  }

  @Test func everyAspectIsCollectedInFileOrder() {
    let page = structure(
      """
      ---
      zone_pivot_groups: langs
      ---
      # <a name="start"></a>Börja

      ::: zone pivot="python"
      [!INCLUDE [p](./includes/../includes/python.md)]
      ::: zone-end

      See [the concept](https://learn.microsoft.com/sv-se/azure/x) and ![pic](media/a.png).

      :::image type="content" source="media/b.png" alt-text="b":::

      ```python
      print("hi")   
      ```

      ```console
      hi
      ```

      """, transcripts: [18])
    #expect(page[.pivotGroups].map(\.key) == ["langs"])
    #expect(page[.zones].map(\.key) == ["pivot=\"python\""])
    #expect(page[.includes].map(\.key) == ["includes/python.md"])
    #expect(page[.sections].map(\.key) == ["h1 #start"])
    #expect(page[.links].map(\.key) == ["https://learn.microsoft.com/{locale}/azure/x"])
    #expect(page[.images].map(\.key) == ["media/a.png", "media/b.png"])
    #expect(page[.codeBlocks].map(\.key) == ["python\nprint(\"hi\")"], "trailing spaces ignored")
    #expect(page[.transcripts].map(\.key) == ["console\nhi"])
  }

  @Test func localeSegmentsCompareEqualInAnyCase() {
    let english = structure("[x](https://docs.microsoft.com/en-US/azure/a)\n")
    let swedish = structure("[x](https://docs.microsoft.com/sv-se/azure/a)\n")
    #expect(english[.links].map(\.key) == swedish[.links].map(\.key))
  }
}
