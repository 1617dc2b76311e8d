import DocModel
import Testing

@Suite struct CodeReferenceTests {
  @Test func tripleColonAndLegacyForms() throws {
    let page = try fixture("code-references.md")
    let references = page.codeReferences
    #expect(
      references.map(\.path) == [
        "snippets/Program.cs", "snippets/app.py", "../snippets/Program.cs", "snippets/app.py",
        "snippets/app.js",
      ])
    #expect(
      references.map(\.syntax) == ["triple-colon", "triple-colon", "legacy", "legacy", "legacy"])
    #expect(references[0].range == "1-5" && references[0].language == "csharp")
    #expect(references[1].region == "create_user")
    #expect(references[2].range == "1-5")
    #expect(references[3].region == "create_user" && references[3].language == "python")
    #expect(references[4].range == "L3-L9")
  }

  @Test func invalidCodeDirectives() throws {
    let page = try fixture("code-references.md")
    #expect(page.findingLines(.invalidCode) == [7, 9, 17])
    #expect(page.links.isEmpty, "snippet paths are not links")
  }
}
