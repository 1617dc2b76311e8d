import Localization
import Testing

/// Aligning a source structure with a translation's, row by row.
@Suite struct StructureComparisonTests {
  func items(_ keys: [String], lines: [Int]) -> [StructureItem] {
    zip(keys, lines).map { StructureItem(key: $0, label: $0, line: $1) }
  }

  @Test func equalStructuresAreAllSame() {
    let rows = StructureComparison.align(
      source: items(["a", "b"], lines: [1, 5]), translation: items(["a", "b"], lines: [2, 7]))
    #expect(rows.map(\.kind) == [.same, .same])
    #expect(rows.map { $0.translation?.line } == [2, 7])
    #expect(rows.map { $0.source?.line } == [1, 5])
    #expect(rows.allSatisfy { $0.near == nil })
    #expect(StructureComparison.align(source: [], translation: []).isEmpty)
  }

  @Test func neighbouringRemovalAndInsertionIsAChange() {
    let rows = StructureComparison.align(
      source: items(["a", "b", "c"], lines: [1, 2, 3]),
      translation: items(["a", "x", "c"], lines: [10, 20, 30]))
    #expect(rows.map(\.kind) == [.same, .changed, .same])
    #expect(rows[1].source?.key == "b")
    #expect(rows[1].translation?.key == "x")
  }

  @Test func missingAndExtraItemsSayWhereTheyBelong() {
    let rows = StructureComparison.align(
      source: items(["a", "b", "c"], lines: [1, 2, 3]),
      translation: items(["a", "c", "d"], lines: [10, 30, 40]))
    #expect(rows.map(\.kind) == [.same, .missing, .same, .extra])
    #expect(rows[1].near == .after(10))
    #expect(rows[3].near == .after(3))
  }

  @Test func somethingMissingBeforeAnythingPointsAtWhatFollows() {
    let rows = StructureComparison.align(
      source: items(["a", "b"], lines: [1, 2]), translation: items(["b"], lines: [20]))
    #expect(rows.map(\.kind) == [.missing, .same])
    #expect(rows[0].near == .before(20))
    let none = StructureComparison.align(source: items(["a"], lines: [1]), translation: [])
    #expect(none.map(\.kind) == [.missing])
    #expect(none[0].near == nil)
  }

  @Test func notesNameTheLineInEachFile() {
    let rows = StructureComparison.align(
      source: items(["a", "b"], lines: [3, 8]), translation: items(["a"], lines: [4]))
    let difference = StructureDifference(aspect: .includes, row: rows[1])
    #expect(
      difference.note(sourceLocale: "en-us", locale: "sv-se")
        == "include: en-us line 8 has 'b', missing from the translation (expected after sv-se line 4)"
    )
    #expect(difference.translationLine == 4)
    let none = StructureDifference(
      aspect: .images,
      row: StructureComparison.align(source: items(["i.png"], lines: [5]), translation: [])[0])
    #expect(
      none.note(sourceLocale: "en-us", locale: "sv-se")
        == "image: en-us line 5 has 'i.png', missing from the translation (the sv-se file has no images)"
    )
  }

  @Test func changedCodeNamesTheFirstDifferingLine() {
    let source = StructureItem(
      key: "py\nx = 1\nprint(x)", label: "```py (2 lines)", line: 5, body: "x = 1\nprint(x)")
    let translation = StructureItem(
      key: "py\nx = 1\nskriv(x)", label: "```py (2 lines)", line: 6, body: "x = 1\nskriv(x)")
    let rows = StructureComparison.align(source: [source], translation: [translation])
    let note = StructureDifference(aspect: .codeBlocks, row: rows[0]).note(
      sourceLocale: "en-us", locale: "de-de")
    #expect(
      note
        == "code block: de-de line 6 has '```py (2 lines)' where en-us line 5 has '```py (2 lines)'; first difference on line 2 of the block: 'skriv(x)' instead of 'print(x)'"
    )
  }
}

/// Pairing removed and inserted items by what they are, not by where they fall.
@Suite struct StructurePairingTests {
  @Test func aRemovedItemPairsWithItsLikelyRenamedSelf() {
    func item(_ key: String, _ line: Int) -> StructureItem {
      StructureItem(key: key, label: key, line: line)
    }
    // The translation lost the first include and renamed the rest.
    let rows = StructureComparison.align(
      source: [
        item("includes/tokens/cli.md", 1), item("includes/tokens/net.md", 2),
        item("includes/tokens/python.md", 3),
      ],
      translation: [item("includes/user-net.md", 10), item("includes/user-python.md", 11)])
    #expect(rows.map(\.kind) == [.missing, .changed, .changed])
    #expect(rows[1].source?.key == "includes/tokens/net.md")
    #expect(rows[1].translation?.key == "includes/user-net.md")
    #expect(rows[0].near == .before(10))
  }

  @Test func unlikeItemsAreNotPairedUnlessTheyAreOneForOne() {
    func item(_ key: String) -> StructureItem { StructureItem(key: key, label: key, line: 1) }
    let uneven = StructureComparison.align(
      source: [item("../concepts/authentication.md")],
      translation: [item("https://example.com/x?y=z"), item("https://example.org/")])
    #expect(uneven.map(\.kind) == [.missing, .extra, .extra])
    let oneForOne = StructureComparison.align(
      source: [item("## Run it {#run-it}")], translation: [item("## Kör den {#kör-den}")])
    #expect(oneForOne.map(\.kind) == [.changed])
  }
}
