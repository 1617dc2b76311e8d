import DocModel
import DocSite
import Testing

/// Reading `.openpublishing.publish.config.json` and `docfx.json`.
@Suite struct LearnConfigurationTests {
  @Test func publishConfigurationDocsetsAndDependencies() throws {
    let text = """
      {
        "docsets_to_publish": [
          {"docset_name": "aks", "build_source_folder": ".", "locale": "EN-US",
           "moniker_ranges": ["v1 || v2"]},
          {"docset_name": "two", "build_source_folder": "./sub/docs/"}
        ],
        "dependent_repositories": [
          {"path_to_root": "reusable-content", "url": "https://github.com/x/y"},
          {"path_to_root": "a/b", "url": "https://github.com/x/z", "branch": "master"}
        ],
        "other": {"anything": [1, 2]}
      }
      """
    let configuration = try PublishConfiguration.parse(Array(text.utf8), path: "p.json")
    #expect(configuration.docsets.map(\.folder) == ["", "sub/docs"])
    #expect(configuration.docsets.map(\.locale) == ["en-us", "en-us"])
    #expect(configuration.docsets[0].monikers == ["v1", "v2"])
    #expect(configuration.docsets[0].line == 3)
    #expect(configuration.dependencies.map(\.path) == ["reusable-content", "a/b"])
    #expect(configuration.dependencies.map(\.branch) == ["main", "master"])
    #expect(configuration.dependencies.map(\.line) == [8, 9])
  }

  @Test func publishConfigurationErrorsHaveTheirLine() {
    let outside = """
      {"dependent_repositories": [
        {"path_to_root": "../elsewhere", "url": "u"}
      ]}
      """
    #expect(throws: ConfigurationError.self) {
      try PublishConfiguration.parse(Array(outside.utf8), path: "p.json")
    }
    do {
      _ = try PublishConfiguration.parse(Array(outside.utf8), path: "p.json")
    } catch {
      #expect(error.line == 2)
      #expect(error.message.contains("'../elsewhere' must be a folder inside the repository"))
    }
    do {
      _ = try PublishConfiguration.parse(Array("{\n  \"a\": [1,\n  2,,\n]}".utf8), path: "p.json")
      Issue.record("malformed JSON was read")
    } catch {
      #expect(error.path == "p.json")
      #expect(error.line == 3)
      #expect(error.message.hasPrefix("not valid JSON"))
    }
  }

  @Test func docfxContentResourceMetadataAndGroups() throws {
    let text = """
      {"build": {
        "content": [
          {"files": ["**/*.md"], "exclude": ["**/includes/**"], "src": "articles", "dest": "."},
          {"files": "toc.yml", "src": "./breadcrumb/", "dest": "breadcrumb/x", "group": "g1"},
          "*.md",
          {"src": "everything"}
        ],
        "resource": [{"files": ["**/*.png"], "src": "articles"}],
        "globalMetadata": {"ms.date": "01/01/2026", "brand": "azure"},
        "fileMetadata": {"ms.topic": {"articles/**/*.md": "concept", "articles/aks/*.md": "how-to"}},
        "groups": {"g1": {"moniker_range": ">=v1"}}
      }}
      """
    let docfx = try DocfxConfiguration.parse(Array(text.utf8), path: "docfx.json")
    #expect(docfx.content.map(\.source) == ["articles", "breadcrumb", "", "everything"])
    #expect(docfx.content.map(\.destination) == ["", "breadcrumb/x", "", ""])
    // `files` defaults to everything under `src`.
    #expect(docfx.content[3].publishedPath(of: "everything/a/b.yml") == "a/b.yml")
    #expect(docfx.content[1].group == "g1")
    #expect(docfx.content[0].publishedPath(of: "articles/aks/a.md") == "aks/a.md")
    #expect(docfx.content[0].publishedPath(of: "articles/aks/includes/a.md") == nil)
    #expect(docfx.content[1].publishedPath(of: "breadcrumb/toc.yml") == "breadcrumb/x/toc.yml")
    #expect(docfx.content[2].publishedPath(of: "README.md") == "README.md")
    #expect(docfx.content[2].publishedPath(of: "articles/a.md") == nil)
    #expect(docfx.resource.count == 1)
    #expect(docfx.globalMetadata["brand"] == .string("azure"))
    #expect(
      docfx.fileMetadata["ms.topic"]?.map(\.glob.pattern) == [
        "articles/**/*.md", "articles/aks/*.md",
      ])
    #expect(docfx.groups["g1"] == ">=v1")
  }
}
