import DocModel
import DocSite
import Testing

/// `*.openpublishing.redirection*.json` files, read as the Learn build reads them.
@Suite struct RedirectionsTests {
  func load(_ files: [String: String]) -> Redirections {
    Redirections.load(files: files.keys.sorted()) { files[$0].map { Array($0.utf8) } }
  }

  @Test func fileNames() {
    #expect(Redirections.isRedirectionFile(".openpublishing.redirection.json"))
    #expect(Redirections.isRedirectionFile("articles/aks/.openpublishing.redirection.aks.json"))
    #expect(Redirections.isRedirectionFile("x.openpublishing.redirection.json"))
    #expect(!Redirections.isRedirectionFile(".openpublishing.publish.config.json"))
    #expect(!Redirections.isRedirectionFile(".openpublishing.redirection.yml"))
  }

  @Test func sourcePathIsRelativeToTheFilesFolderAndFromRootToTheRepository() {
    let redirections = load([
      "articles/aks/.openpublishing.redirection.aks.json": """
      {"redirections": [
        {"source_path": "old.md", "redirect_url": "/azure/aks/new"},
        {"source_path_from_root": "/articles/fleet/gone.md", "redirect_url": "/azure/fleet/x"}
      ]}
      """
    ])
    #expect(redirections.diagnostics == [])
    #expect(redirections.entry(for: "articles/aks/old.md")?.url == "/azure/aks/new")
    #expect(redirections.entry(for: "articles/aks/OLD.md")?.line == 2)
    #expect(redirections.entry(for: "articles/fleet/gone.md")?.url == "/azure/fleet/x")
    #expect(redirections.entry(for: "old.md") == nil)
  }

  @Test func entryProblemsAreFindingsOnTheirLine() {
    let redirections = load([
      ".openpublishing.redirection.json": """
      {"redirections": [
        {"source_path": "/a.md", "redirect_url": "/x"},
        {"source_path_from_root": "b.md", "redirect_url": "/x"},
        {"source_path": "c.md", "source_path_from_root": "/c.md", "redirect_url": "/x"},
        {"source_path": "d.md"},
        {"source_path": "e.md", "redirect_url": "/x"},
        {"source_path": "E.md", "redirect_url": "/y"},
        {"source_path": "../../f.md", "redirect_url": "/y"}
      ]}
      """
    ])
    let found = redirections.diagnostics.map { "\($0.line) \($0.severity) \($0.message)" }
    #expect(
      found == [
        "2 warning 'source_path' must not start with '/' (it is relative to this file's folder); use 'source_path_from_root' for a path from the repository root",
        "3 warning 'source_path_from_root' must start with '/' (the repository root)",
        "4 error a redirection cannot have both 'source_path' and 'source_path_from_root'",
        "5 warning missing required attribute: '(source_path or source_path_from_root) or redirect_url'",
        "7 error 'E.md' is redirected twice: first in .openpublishing.redirection.json on line 6",
        "8 warning the source path leaves the repository",
      ])
    #expect(redirections.entries.map(\.source) == ["e.md"])
    #expect(redirections.diagnostics.allSatisfy { $0.rule == .redirectionInvalid })
  }

  @Test func malformedJSONIsOneErrorAtItsLine() {
    let redirections = load([
      "a/.openpublishing.redirection.json":
        "{\"redirections\": [\n  {\"source_path\": \"x.md\",,}\n]}\n",
      ".openpublishing.redirection.json":
        "{\"redirections\": [{\"source_path\": \"y.md\", \"redirect_url\": \"/y\"}]}",
    ])
    #expect(redirections.diagnostics.count == 1)
    let finding = redirections.diagnostics.first
    #expect(finding?.rule == .jsonSyntaxError)
    #expect(finding?.path == "a/.openpublishing.redirection.json")
    #expect(finding?.line == 2)
    #expect(redirections.entry(for: "y.md") != nil, "the other file still applies")
  }
}
