import DocSite
import Foundation
import TestSupport
import Testing

@Suite("Report base: paths from the repository's root")
struct ReportBaseTests {
  @Test("inside a git repository the base is its top level, however the root is spelled")
  func gitTopLevel() throws {
    let repository = try Fixtures.temporaryDirectory("report-base").path
    defer { try? FileManager.default.removeItem(atPath: repository) }
    try FileManager.default.createDirectory(
      atPath: repository + "/.git", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: repository + "/docs/en-us", withIntermediateDirectories: true)
    for (root, workingDirectory) in [
      ("docs", repository), ("./docs/", repository), (".", repository + "/docs"),
      (repository + "/docs/en-us/..", "/"), ("..", repository + "/docs/en-us"),
    ] {
      let base = ReportBase.find(root: root, workingDirectory: workingDirectory)
      #expect(base == ReportBase(directory: repository, rootPrefix: "docs"), "\(root)")
      #expect(base.path("en-us/a.md") == "docs/en-us/a.md")
      #expect(base.path("../golden/x.txt") == "golden/x.txt")
    }
    let top = ReportBase.find(root: ".", workingDirectory: repository)
    #expect(top == ReportBase(directory: repository, rootPrefix: ""))
    #expect(top.path("./en-us//a.md") == "en-us/a.md")
  }

  @Test("a .git file (a worktree or submodule) marks the top level too")
  func gitFile() throws {
    let repository = try Fixtures.temporaryDirectory("report-base-worktree").path
    defer { try? FileManager.default.removeItem(atPath: repository) }
    FileManager.default.createFile(atPath: repository + "/.git", contents: Data("gitdir: x\n".utf8))
    try FileManager.default.createDirectory(
      atPath: repository + "/articles", withIntermediateDirectories: true)
    let base = ReportBase.find(root: "articles", workingDirectory: repository)
    #expect(base == ReportBase(directory: repository, rootPrefix: "articles"))
  }

  @Test("outside git the base is the tree's own root")
  func outsideGit() throws {
    let folder = try Fixtures.temporaryDirectory("report-base-plain").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/docs", withIntermediateDirectories: true)
    let base = ReportBase.find(root: "docs", workingDirectory: folder)
    #expect(base == ReportBase(directory: folder + "/docs", rootPrefix: ""))
    #expect(base.path("en-us/a.md") == "en-us/a.md")
  }

  @Test("outside git, a project root above the tree is the base")
  func outsideGitWithAProject() throws {
    let folder = try Fixtures.temporaryDirectory("report-base-project").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let base = ReportBase.find(root: folder + "/docs/", project: "..", workingDirectory: "/")
    #expect(base == ReportBase(directory: folder, rootPrefix: "docs"))
    #expect(base.path("../golden/x.txt") == "golden/x.txt")
  }
}
