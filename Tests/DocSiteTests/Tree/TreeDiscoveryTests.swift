import DocSite
import TestSupport
import Testing

/// The tree a command checks when none is named.
@Suite struct TreeDiscoveryTests {
  @Test func aLearnRepositoryIsTheFolderItself() throws {
    for marker in [".openpublishing.publish.config.json", "docfx.json", "docproof.yml"] {
      let tree = try TemporaryTree([marker: "{}", "docs/a.md": "# A\n"])
      defer { tree.remove() }
      #expect(try TreeDiscovery.defaultRoot(in: tree.path) == tree.path)
    }
  }

  @Test func otherwiseItsDocsFolder() throws {
    let tree = try TemporaryTree(["docs/en-us/a.md": "# A\n"])
    defer { tree.remove() }
    #expect(try TreeDiscovery.defaultRoot(in: tree.path) == tree.path + "/docs")
  }

  @Test func nothingFoundSaysWhatWasLookedForAndWhere() throws {
    let tree = try TemporaryTree(["notes.md": "# N\n", "docfx.json/x": "a folder named docfx.json"])
    defer { tree.remove() }
    #expect(throws: SiteError.self) { try TreeDiscovery.defaultRoot(in: tree.path) }
    do {
      _ = try TreeDiscovery.defaultRoot(in: tree.path)
    } catch {
      let real = FileTree.realPath(tree.path) ?? tree.path
      #expect(
        error.description
          == "nothing to check in \(real): it holds neither .openpublishing.publish.config.json nor docfx.json (a Learn repository), nor docproof.yml, nor a docs folder; name the tree to check (docproof check ROOT)"
      )
    }
  }
}
