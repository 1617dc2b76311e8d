import Foundation
import TestSupport
import Testing

/// Trees built to break a checker: deep and exploding includes, symbolic link loops and
/// escapes, huge files, many files, file names that need encoding. Each run is bounded by
/// `timeout` (a hang fails the test with status 124), and none may crash, hang or read
/// outside the tree.
@Suite struct HostileTreeTests {
  static let noFrontMatter = "frontMatter:\n  required: []\n"

  /// `docproof check --no-run ROOT` in `directory`, killed after five minutes.
  static func check(_ root: String, in directory: URL) async throws -> BinaryRunner.Result {
    try await BinaryRunner.run(
      path: "/usr/bin/timeout",
      ["--signal=KILL", "300", BinaryRunner.docproofPath, "check", "--no-run", root],
      in: directory)
  }

  @Test func includesNestedAThousandDeepStopAtTheBoundWithAFinding() async throws {
    var files = [
      "docs/docproof.yml": Self.noFrontMatter,
      "docs/page.md": "# Page\n\n[!INCLUDE [i](includes/inc-0.md)]\n",
    ]
    for level in 0..<1000 {
      files["docs/includes/inc-\(level).md"] =
        "Level \(level).\n\n" + (level < 999 ? "[!INCLUDE [i](inc-\(level + 1).md)]\n" : "")
    }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    let result = try await Self.check("docs", in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        includes/inc-63.md:3:1: error: 'inc-64.md' is nested more than 64 includes deep: not followed [include-depth-exceeded]
        docproof: 1 error, 0 warnings in 1001 files

        """)
  }

  @Test func anIncludeFanOutBombIsWalkedOncePerFile() async throws {
    // Thirty levels, each including the next ten times: 10^29 paths, 31 files.
    var files = [
      "docs/docproof.yml": Self.noFrontMatter,
      "docs/page.md": "# Page\n\n[!INCLUDE [i](includes/b-0.md)]\n",
      "docs/includes/b-29.md": "## Bottom\n\n[top](#level-0) [nowhere](#nowhere)\n",
    ]
    for level in 0..<29 {
      files["docs/includes/b-\(level).md"] =
        "## Level \(level)\n\n"
        + String(repeating: "[!INCLUDE [i](b-\(level + 1).md)]\n\n", count: 10)
    }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    let result = try await Self.check("docs", in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        includes/b-29.md:3:17: error: bookmark '#nowhere' not found on page.md, which includes this file [bookmark-not-found]
        docproof: 1 error, 0 warnings in 31 files

        """)
  }

  @Test func symbolicLinksAndDotDotNeverLeadOutside() async throws {
    let outside = try TemporaryTree(["secret.md": "TOP SECRET\n", "dir/secret.md": "TOP SECRET\n"])
    defer { outside.remove() }
    let tree = try TemporaryTree([
      "docs/docproof.yml": Self.noFrontMatter + "project: .\n",
      "docs/page.md": """
      # Page

      [loop](a.md) [link](secret.md) [beneath](sub/out/secret.md) [dots](../../../../etc/hostname)
      ![image](../../../../etc/hostname)

      [!INCLUDE [x](secret.md)]
      [!INCLUDE [y](sub/out/secret.md)]
      [!INCLUDE [z](../../../../etc/hostname.md)]

      :::code language="bash" source="../../../../etc/passwd":::

      <!-- docproof: snippet ../../../../../../etc/passwd -->
      ```bash
      x
      ```

      """,
    ])
    defer { tree.remove() }
    try tree.link("docs/a.md", to: "b.md")
    try tree.link("docs/b.md", to: "a.md")
    try tree.link("docs/dangling.md", to: "nowhere.md")
    try tree.link("docs/sub/up", to: "..")
    try tree.link("docs/secret.md", to: outside.url.appendingPathComponent("secret.md").path)
    try tree.link("docs/sub/out", to: outside.url.appendingPathComponent("dir").path)
    let result = try await Self.check("docs", in: tree.url)
    #expect(result.status == 1)
    #expect(!result.stdout.contains("TOP SECRET") && !result.stderr.contains("TOP SECRET"))
    #expect(!result.stdout.contains("root:x:0:0"))
    let secret = outside.url.appendingPathComponent("secret.md").resolvingSymlinksInPath().path
    #expect(
      result.stdout == """
        a.md:1:1: error: cannot read this file: it is a symbolic link loop [file-unreadable]
        b.md:1:1: error: cannot read this file: it is a symbolic link loop [file-unreadable]
        dangling.md:1:1: error: cannot read this file: it is a dangling symbolic link [file-unreadable]
        page.md:3:1: error: link target 'a.md' not found (looked for a.md) [file-not-found]
        page.md:3:14: error: link 'secret.md' leads outside the checked tree [path-outside-root]
        page.md:3:32: error: link 'sub/out/secret.md' leads outside the checked tree [path-outside-root]
        page.md:3:61: error: link '../../../../etc/hostname' leads outside the checked tree [path-outside-root]
        page.md:4:1: error: image '../../../../etc/hostname' leads outside the checked tree [path-outside-root]
        page.md:6:1: error: included file 'secret.md' is outside the checked tree: not read [path-outside-root]
        page.md:7:1: error: included file 'sub/out/secret.md' is outside the checked tree: not read [path-outside-root]
        page.md:8:1: error: included file '../../../../etc/hostname.md' is outside the checked tree: not read [path-outside-root]
        page.md:10:1: error: code snippet '../../../../etc/passwd' is outside the checked tree: not read [path-outside-root]
        page.md:12:1: error: snippet source '../../../../../../etc/passwd' is outside the project root: not read [path-outside-root]
            note: the project root is '.' in docproof.yml
        secret.md:1:1: error: this is a symbolic link to \(secret), outside the checked tree: not read [path-outside-root]
        docproof: 14 errors, 0 warnings in 1 file

        """)
  }

  @Test func aHugeFileIsSkippedWithAFindingAndTheLimitIsConfigurable() async throws {
    let tree = try TemporaryTree([
      "docs/docproof.yml": Self.noFrontMatter, "docs/page.md": "# Page\n",
      "small/docproof.yml": Self.noFrontMatter + "maxFileSize: 100\n",
      "small/page.md": "# Page\n\n" + String(repeating: "Text. ", count: 40) + "\n",
    ])
    defer { tree.remove() }
    // 200 MB, sparse: only its size matters, and it is never read.
    let huge = tree.url.appendingPathComponent("docs/huge.md")
    #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: 200 << 20)
    try handle.close()
    let result = try await Self.check("docs", in: tree.url)
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        huge.md:1:1: warning: skipped: 209715200 bytes is more than maxFileSize (10485760) [file-too-large]
            note: raise maxFileSize in docproof.yml to check it
        docproof: 0 errors, 1 warning in 1 file

        """)
    let small = try await Self.check("small", in: tree.url)
    #expect(small.status == 0)
    #expect(
      small.stdout.hasPrefix(
        "page.md:1:1: warning: skipped: 249 bytes is more than maxFileSize (100) [file-too-large]"
      ))
  }

  @Test func aHundredThousandFiles() async throws {
    let tree = try TemporaryTree(["docs/docproof.yml": Self.noFrontMatter])
    defer { tree.remove() }
    for folder in 0..<100 {
      let directory = tree.url.appendingPathComponent("docs/f\(folder)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for page in 0..<1000 {
        let next = (page + 1) % 1000
        try Data("# P\(page)\n\n[next](p\(next).md#p\(next))\n".utf8).write(
          to: directory.appendingPathComponent("p\(page).md"))
      }
    }
    try Data("# P7\n\n[next](p8.md#nope)\n".utf8).write(
      to: tree.url.appendingPathComponent("docs/f42/p7.md"))
    let result = try await Self.check("docs", in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        f42/p7.md:3:1: error: bookmark '#nope' not found in f42/p8.md [bookmark-not-found]
            note: did you mean '#top'?
        docproof: 1 error, 0 warnings in 100000 files

        """)
  }

  @Test func fileNamesWithSpacesUnicodeHashAndPercent() async throws {
    var files = [
      "docs/docproof.yml": Self.noFrontMatter,
      "docs/page.md": """
      # Page

      [space](a%20b.md#sec-tion) [space2](<a b.md>) [uni](ünïcødé.md#sec-tion) [uni2](%C3%BCn%C3%AFc%C3%B8d%C3%A9.md)
      [hash](x%23y.md#sec-tion) [pct](50%25.md) [br](%5Bbr%5D.md) [q](q%3F.md) [semi](semi;colon.md)

      Broken: [hash-raw](x#y.md) [pct-raw](50%.md) [q-raw](q?.md)

      """,
    ]
    for name in ["a b", "ünïcødé", "x#y", "50%", "[br]", "q?", "semi;colon"] {
      files["docs/\(name).md"] = "# Title\n\n## Sec tion\n"
    }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    let result = try await Self.check("docs", in: tree.url)
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        page.md:6:9: error: link target 'x#y.md' not found (looked for x) [file-not-found]
        page.md:6:28: error: link target '50%.md' has invalid percent-encoding [file-not-found]
        page.md:6:46: error: link target 'q?.md' not found (looked for q) [file-not-found]
        docproof: 3 errors, 0 warnings in 8 files

        """)
  }
}
