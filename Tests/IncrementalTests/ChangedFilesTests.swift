import DocSite
import Foundation
import TestSupport
import Testing

@testable import Incremental

/// What git says changed: committed, staged, unstaged and untracked, under the root.
@Suite struct ChangedFilesTests {
  @Test func listsEveryKindOfChangeUnderTheRoot() async throws {
    let repository = try await GitRepository([
      "docs/a.md": "# A\n", "docs/b.md": "# B\n", "docs/c.md": "# C\n", "docs/d.md": "# D\n",
      "golden/x.txt": "x\n", ".gitignore": "*.tmp\n",
    ])
    defer { repository.tree.remove() }
    let base = try await repository.commitAll()
    try repository.write(["docs/a.md": "# A2\n"])
    try await repository.commitAll()  // committed since base
    try repository.write(["docs/b.md": "# B2\n"])
    try await repository.git(["add", "docs/b.md"])  // staged
    try repository.write(["docs/c.md": "# C2\n", "docs/new.md": "# New\n", "docs/x.tmp": "t"])
    try repository.delete("docs/d.md")
    try repository.write(["golden/x.txt": "y\n"])

    let changes = try await ChangedFiles.since(base, root: repository.path + "/docs")
    #expect(changes.changed == ["a.md", "b.md", "c.md", "new.md"])
    #expect(changes.deleted == ["d.md"])
    let top = try #require(FileTree.realPath(repository.path))
    #expect(changes.elsewhere == [top + "/golden/x.txt"])
    #expect(changes.commit == base)

    let head = try await ChangedFiles.since("HEAD", root: repository.path + "/docs")
    #expect(head.changed == ["b.md", "c.md", "new.md"])
  }

  @Test func theCommitsMarkdownFilesComeWithTheirObjectIDs() async throws {
    let repository = try await GitRepository([
      "docs/a.md": "# A\n", "docs/b.md": "# B\n", "docs/sub/c.md": "# C\n", "docs/x.txt": "x\n",
      "other.md": "# O\n",
    ])
    defer { repository.tree.remove() }
    try await repository.commitAll()
    try repository.write(["docs/b.md": "# B2\n"])
    let changes = try await ChangedFiles.since("HEAD", root: repository.path + "/docs")
    // The commit's files under the root, changed ones too (with the commit's object).
    #expect(
      (0..<changes.listing.count).map(changes.listing.path(at:)) == ["a.md", "b.md", "sub/c.md"])
    for path in ["a.md", "b.md", "sub/c.md"] {
      let id = try await repository.git(["rev-parse", "HEAD:docs/" + path])
      #expect(changes.listing.id(of: path)?.description == id)
    }
  }

  @Test func aRenameIsADeletionAndAnAddition() async throws {
    let repository = try await GitRepository(["a.md": "# A\n\nSame text, long enough.\n"])
    defer { repository.tree.remove() }
    try await repository.commitAll()
    try await repository.git(["mv", "a.md", "b.md"])
    let changes = try await ChangedFiles.since("HEAD", root: repository.path)
    #expect(changes.changed == ["b.md"])
    #expect(changes.deleted == ["a.md"])
  }

  @Test func anUnknownReferenceSaysHowToFetchIt() async throws {
    let repository = try await GitRepository(["a.md": "# A\n"])
    defer { repository.tree.remove() }
    try await repository.commitAll()
    for reference in ["origin/main", "--output=/tmp/x", "0123456789abcdef0123"] {
      await #expect(throws: IncrementalError.unknownReference(reference)) {
        try await ChangedFiles.since(reference, root: repository.path)
      }
    }
    #expect(
      IncrementalError.unknownReference("origin/main").description.contains(
        "git fetch origin main"))
  }

  @Test func aTreeOutsideARepositoryIsAnError() async throws {
    let tree = try TemporaryTree(["a.md": "# A\n"])
    defer { tree.remove() }
    await #expect(throws: IncrementalError.notInRepository(root: tree.path)) {
      try await ChangedFiles.since("HEAD", root: tree.path)
    }
  }
}

/// Reading `git diff -U0`: the removed lines per file, quoted names included.
@Suite struct RemovedLinesTests {
  @Test func removedLinesPerFile() {
    let patch = """
      diff --git a/docs/a.md b/docs/a.md
      index 1..2 100644
      --- a/docs/a.md
      +++ b/docs/a.md
      @@ -3 +3 @@
      -[!INCLUDE [x](inc.md)]
      +Text.
      diff --git "a/docs/sp\\303\\244ce \\"q\\".md" "b/docs/sp\\303\\244ce \\"q\\".md"
      deleted file mode 100644
      --- "a/docs/sp\\303\\244ce \\"q\\".md"
      +++ /dev/null
      @@ -1,2 +0,0 @@
      -# Old
      --- not a header
      diff --git a/docs/new.md b/docs/new.md
      --- /dev/null
      +++ b/docs/new.md
      @@ -0,0 +1 @@
      +# New
      """
    let removed = ChangedFiles.removedLines(inPatch: patch)
    #expect(removed["docs/a.md"] == "[!INCLUDE [x](inc.md)]\n")
    #expect(removed["docs/späce \"q\".md"] == "# Old\n-- not a header\n")
    #expect(removed["docs/new.md"] == nil)
  }
}
