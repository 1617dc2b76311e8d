import Checks
import DocModel
import DocSite
import TestSupport
import Testing

@Suite struct PivotTests {
  static let groups = """
    groups:
    - id: langs
      title: Languages
      prompt: Choose a language
      pivots:
      - id: python
        title: Python
      - id: java
        title: Java
      - id: go
        title: Go
    """

  @Test func zonesInIncludesAreCheckedAgainstThePage() async throws {
    let result = try await check([
      "en-us/zone-pivot-groups.yml": Self.groups,
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n# T\n\n[!INCLUDE [z](inc.md)]\n",
      "en-us/inc.md":
        "::: zone pivot=\"python\"\nx\n::: zone-end\n\n::: zone pivot=\"pyton\"\ny\n::: zone-end\n",
    ])
    #expect(
      result.findings(.pivotIdNotFound) == [
        "en-us/inc.md:5:17 pivot 'pyton' is not in pivot group 'langs'"
      ])
    #expect(
      result.all(.pivotIdNotFound).first?.notes == [
        "did you mean 'python'?", "included by en-us/page.md",
      ])
    #expect(
      result.findings(.pivotIdUnused) == [
        "en-us/page.md:3:1 pivot 'go' of group 'langs' has no zone on this page",
        "en-us/page.md:3:1 pivot 'java' of group 'langs' has no zone on this page",
      ])
    #expect(result.all(.pivotIdUnused).allSatisfy { $0.severity == .warning })
  }

  @Test func groupNamesAreNotTrimmed() async throws {
    let result = try await check([
      "en-us/zone-pivot-groups.yml": Self.groups + "\n- id: os\n  pivots:\n  - id: linux\n",
      "en-us/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs, os\n---\n::: zone pivot=\"python,java,go\"\nx\n::: zone-end\n",
    ])
    #expect(result.findings(.pivotGroupNotFound).count == 1)
    #expect(result.all(.pivotGroupNotFound).first?.notes.first?.contains("not trimmed") == true)
  }

  @Test func localizedRootWithoutDefinitionsUsesTheSources() async throws {
    let result = try await check([
      "en-us/zone-pivot-groups.yml": Self.groups,
      "sv-se/page.md":
        "---\ntitle: T\nzone_pivot_groups: langs\n---\n::: zone pivot=\"python,java,go\"\nx\n::: zone-end\n",
    ])
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  }

  @Test func duplicateAndMalformedDefinitions() async throws {
    let duplicated = try await check([
      "en-us/zone-pivot-groups.yml": Self.groups
        + "\n- id: langs\n  pivots:\n  - id: a\n  - id: a\n"
    ])
    #expect(duplicated.findings(.duplicatePivotGroups).count == 1)
    #expect(duplicated.findings(.duplicatePivotIds).count == 1)
    let notMapping = try await check(["en-us/zone-pivot-groups.yml": "just text\n"])
    #expect(notMapping.findings(.zonePivotGroupsInvalid).count == 1)
  }

  /// A pivot definition file linked out of the tree is named as such, not as absent.
  @Test func aDefinitionFileLinkedOutIsNamedNotMissing() async throws {
    let outside = try TemporaryTree(["zone-pivot-groups.yml": Self.groups])
    defer { outside.remove() }
    let tree = try TemporaryTree([
      "docproof.yml": "frontMatter:\n  required: []\n",
      "en-us/page.md": "---\ntitle: T\nzone_pivot_groups: langs\n---\n# T\n",
    ])
    defer { tree.remove() }
    try tree.link("en-us/zone-pivot-groups.yml", to: outside.path + "/zone-pivot-groups.yml")
    let result = try await check(path: tree.path)
    #expect(
      result.findings(.pivotGroupNotFound) == [
        "en-us/page.md:3:1 pivot group 'langs' is not defined: there is no readable en-us/zone-pivot-groups.yml (it is a symbolic link to \(FileTree.realPath(outside.path)!)/zone-pivot-groups.yml, outside the tree, never read)"
      ])
  }
}
