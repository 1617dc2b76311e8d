import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files whole or not at all: a temporary file, flushed to disk, then renamed over
/// the target. A reader (or a crash) never sees a partial file.
///
/// Writes into a user's tree keep their temporary file in the tree's `.docproof-cache/tmp`
/// (`temporaryFolder`), which git ignores: a run killed between writing and renaming
/// leaves nothing among the user's files, and the next write removes what it left there.
public enum AtomicFile {
  /// Removes temporary files that earlier writes left in `folder` when their process was
  /// killed between creating and renaming them (their process no longer exists); with
  /// `named`, only those of that file.
  static func removeLeftovers(in folder: String, named: String? = nil) {
    let prefix = (named ?? "") + (named == nil ? "" : ".docproof-")
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: folder.isEmpty ? "." : folder)
    else { return }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      guard let marker = name.range(of: ".docproof-", options: .backwards) else { continue }
      let pid = name[marker.upperBound...].split(separator: "-").first.flatMap { Int32($0) }
      guard let pid, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      unlink((folder.isEmpty ? "" : folder + "/") + name)
    }
  }

  /// Writes `data` to `path`; the temporary file goes in `temporaryFolder` (on the same
  /// file system) when given, else beside the target.
  public static func write(_ data: Data, to path: String, temporaryFolder: String? = nil) throws {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    let name = (path as NSString).lastPathComponent
    let folder = temporaryFolder ?? directory
    removeLeftovers(in: folder, named: temporaryFolder == nil ? name : nil)
    let temporary =
      (folder.isEmpty ? "" : folder + "/")
      + "\(name).docproof-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    var failure: Int32 = 0
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure == 0, fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    if failure == 0, rename(temporary, path) != 0 {
      failure = errno
      // Another file system after all (a mount inside the tree): write beside the target.
      if failure == EXDEV, temporaryFolder != nil {
        unlink(temporary)
        return try write(data, to: path, temporaryFolder: nil)
      }
    }
    if failure != 0 {
      unlink(temporary)
      throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
    }
  }
}
