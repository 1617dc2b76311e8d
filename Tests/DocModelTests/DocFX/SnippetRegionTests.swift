import DocModel
import Testing

/// DocFX-style regions of snippet sources (`// <name>`, `#region name`).
@Suite struct SnippetRegionTests {
  let source = """
    import Foundation

    // <main>
    func main() {
        // <inner>
        print("hi")
        // </inner>
    }
    // </main>

    # <python>
    print("py")
    # </python>

        #region CSharp
        var x = 1;
        #endregion
    """

  @Test func docfxTagsAndRegions() {
    #expect(SnippetRegion.extract("main", from: source) == "func main() {\n    print(\"hi\")\n}\n")
    #expect(SnippetRegion.extract("inner", from: source) == "print(\"hi\")\n")
    #expect(SnippetRegion.extract("python", from: source) == "print(\"py\")\n")
    #expect(SnippetRegion.extract("CSharp", from: source) == "var x = 1;\n")
    #expect(SnippetRegion.extract("missing", from: source) == nil)
  }

  @Test func namesMatchWithoutRegardToCaseAsDocFXDoes() {
    #expect(
      SnippetRegion.extract("MAIN", from: source) == SnippetRegion.extract("main", from: source))
    #expect(SnippetRegion.extract("csharp", from: source) == "var x = 1;\n")
  }

  @Test func namesListsEachOpenedRegionOnce() {
    #expect(SnippetRegion.names(in: source) == ["main", "inner", "python", "CSharp"])
    #expect(SnippetRegion.names(in: "// <a>\n// </a>\n// <A>\n// </A>\n") == ["a"])
    #expect(SnippetRegion.names(in: "print(1)\n") == [])
  }
}
