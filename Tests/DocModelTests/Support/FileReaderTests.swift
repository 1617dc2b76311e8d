import DocModel
import Foundation
import TestSupport
import Testing

/// Reading files whole: exact bytes, typed errors, and no memory beyond the file's size.
@Suite struct FileReaderTests {
  @Test(arguments: [0, 1, 4095, 4096, 65_535, 65_536, 65_537, 70_000])
  func readsExactlyTheFileAndKeepsNoSlack(size: Int) throws {
    let tree = try TemporaryTree([:])
    defer { tree.remove() }
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let file = tree.url.appendingPathComponent("f.bin")
    try Data(bytes).write(to: file)
    // The general way, and the one for files a walk found regular (one read under 64 KiB).
    for regularFile in [false, true] {
      let read = try FileReader.read(file.path, regularFile: regularFile)
      #expect(read == bytes, "regularFile: \(regularFile)")
      // Thousands of files are read and kept at once: a doubled buffer per file doubled the
      // memory of a run.
      #expect(read.capacity <= max(size, 16) + 64, "regularFile: \(regularFile)")
    }
  }

  @Test func theLimitHoldsOnBothWays() throws {
    let tree = try TemporaryTree([
      "small.md": String(repeating: "x", count: 100),
      "large.md": String(repeating: "y", count: 100_000),
    ])
    defer { tree.remove() }
    for regularFile in [false, true] {
      for (name, size) in [("small.md", 100), ("large.md", 100_000)] {
        #expect(
          throws: FileReadError(
            path: tree.path + "/" + name, reason: .tooLarge(size: size, limit: 10))
        ) { try FileReader.read(tree.path + "/" + name, limit: 10, regularFile: regularFile) }
      }
      #expect(
        try FileReader.read(tree.path + "/large.md", regularFile: regularFile).count == 100_000)
    }
  }

  @Test func readsWhatAFileGrowsToPastItsStatSize() throws {
    // /proc files report size 0 and still have content.
    let read = try FileReader.read("/proc/self/status")
    #expect(String(decoding: read, as: UTF8.self).contains("Name:"))
  }

  @Test func errorsNameTheReason() throws {
    let tree = try TemporaryTree(["big.md": String(repeating: "x", count: 100)])
    defer { tree.remove() }
    #expect(throws: FileReadError.self) { try FileReader.read(tree.path + "/missing.md") }
    #expect(throws: FileReadError.self) { try FileReader.read(tree.path) }
    #expect(throws: FileReadError.self) { try FileReader.read(tree.path + "/big.md", limit: 10) }
  }

  /// A FIFO where a walk saw a file (swapped in after it) is refused at once: opened the
  /// usual way, `open` would wait for a writer and the run would hang.
  @Test(.timeLimit(.minutes(1))) func aFIFOWhereAFileWasExpectedIsRefusedWithoutWaiting() throws {
    let tree = try TemporaryTree(["sub/a.md": "alpha\n"])
    defer { tree.remove() }
    try #require(mkfifo(tree.path + "/sub/pipe.md", 0o600) == 0)
    // A read that waited on the FIFO would be let go by the watchdog, and counted.
    let watchdog = FIFOWatchdog(tree.path + "/sub/pipe.md")
    defer { watchdog.stop() }
    let folder = open(tree.path + "/sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    try #require(folder >= 0)
    defer { close(folder) }
    #expect(throws: FileReadError(path: "shown/pipe.md", reason: .notRegular)) {
      try FileReader.read("pipe.md", in: folder, path: "shown/pipe.md", regularFile: true)
    }
    #expect(throws: FileReadError(path: tree.path + "/sub/pipe.md", reason: .notRegular)) {
      try FileReader.read(tree.path + "/sub/pipe.md", regularFile: true)
    }
    #expect(watchdog.unblocked == 0)
    #expect(
      FileReadError(path: "p", reason: .notRegular).description
        == "cannot read p: it is not a regular file (a FIFO, socket or device)")
  }

  /// Read by name in an open folder (`openat`): the same bytes, and failures reported at
  /// the path the caller gives, with the same reasons.
  @Test func readsInAnOpenFolderAndReportsTheGivenPath() throws {
    let tree = try TemporaryTree([
      "sub/a.md": "alpha\n", "sub/big.md": String(repeating: "x", count: 100),
    ])
    defer { tree.remove() }
    let folder = open(tree.path + "/sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    try #require(folder >= 0)
    defer { close(folder) }
    for regularFile in [false, true] {
      let bytes = try FileReader.read(
        "a.md", in: folder, path: "shown/a.md", regularFile: regularFile)
      #expect(bytes == Array("alpha\n".utf8))
      #expect(throws: FileReadError(path: "shown/missing.md", reason: .notFound)) {
        try FileReader.read(
          "missing.md", in: folder, path: "shown/missing.md", regularFile: regularFile)
      }
      #expect(
        throws: FileReadError(path: "shown/big.md", reason: .tooLarge(size: 100, limit: 10))
      ) {
        try FileReader.read(
          "big.md", in: folder, path: "shown/big.md", limit: 10, regularFile: regularFile)
      }
    }
  }
}
