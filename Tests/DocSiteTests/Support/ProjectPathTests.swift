import DocSite
import Foundation
import TestSupport
import Testing

/// Confinement to the project root: by text first, then by real path.
@Suite struct ProjectPathTests {
  @Test(arguments: [
    ("/a/b/../c", "/a/c"),
    ("/a/./b//c/", "/a/b/c"),
    ("/../../etc/passwd", "/etc/passwd"),
    ("/a/b/../../..", "/"),
  ])
  func normalizesByTextAlone(path: String, expected: String) {
    #expect(ProjectPath.lexicallyNormalized(path) == expected)
  }

  @Test func aPathThatClimbsOutIsRefusedWithoutLookingAtIt() throws {
    let tree = try TemporaryTree(["project/golden/a.txt": "a\n"])
    defer { tree.remove() }
    let root = tree.path + "/project"
    #expect(ProjectPath.confined(root + "/golden/a.txt", projectRoot: root) != nil)
    #expect(ProjectPath.confined(root + "/golden/new.txt", projectRoot: root) != nil)
    #expect(ProjectPath.confined(root + "/../outside.txt", projectRoot: root) == nil)
    #expect(ProjectPath.confined(root + "/golden/../../../../etc/passwd", projectRoot: root) == nil)
    #expect(ProjectPath.contains("/a/b", in: "/a"))
    #expect(!ProjectPath.contains("/ab", in: "/a"))
  }
}
