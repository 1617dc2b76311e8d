import DocSite
import Foundation
import TestSupport
import Testing

@testable import Incremental

/// The text filter in front of the parser: conservative (never misses a way a file can
/// name another) and precise enough to keep the parse small.
@Suite struct ReferenceScanTests {
  @Test func needlesAreTheNameWithoutMarkdownsExtensionPlainAndEncoded() {
    #expect(ReferenceScan.needles(for: "en-us/area/page-14.md") == ["page-14"])
    #expect(ReferenceScan.needles(for: "media/diagram.png") == ["diagram.png"])
    #expect(
      ReferenceScan.needles(for: "en-us/set up ö.md")
        == ["set up ö", "set%20up%20%C3%B6", "set%20up%20%c3%b6"]
        .sorted())
  }

  @Test func findsTheFilesThatNameATarget() async throws {
    let tree = try TemporaryTree([
      "a.md": "[b](sub/b.md)\n", "sub/b.md": "# B\n", "c.md": "[b2](b2.md)\n",
      "d.md": "![x](media/b.png)\n",
    ])
    defer { tree.remove() }
    let files = try FileTree.scan(tree.path)
    let scan = await ReferenceScan(paths: ["a.md", "c.md", "d.md", "sub/b.md"], tree: files)
    #expect(await scan.files(referringTo: ["sub/b.md"]) == ["a.md"])
    #expect(await scan.files(referringTo: ["media/b.png"]) == ["d.md"])
    #expect(await scan.files(referringTo: ["sub/b.md", "b2.md"]) == ["a.md", "c.md"])
    #expect(await scan.files(referringTo: [String]()).isEmpty)
  }
}
