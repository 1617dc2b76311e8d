#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read, in words a user can act on.
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    case notFound
    case permissionDenied
    case isDirectory
    /// A FIFO, socket or device where the caller expected a regular file.
    case notRegular
    /// `size` is the size seen when the limit was passed (at least `limit + 1`).
    case tooLarge(size: Int, limit: Int)
    case other(String)
  }

  public var path: String
  public var reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    switch reason {
    case .notFound: "cannot read \(path): no such file"
    case .permissionDenied: "cannot read \(path): permission denied"
    case .isDirectory: "cannot read \(path): it is a directory"
    case .notRegular: "cannot read \(path): it is not a regular file (a FIFO, socket or device)"
    case .tooLarge(let size, let limit):
      "cannot read \(path): \(size) bytes is more than the \(limit)-byte limit"
    case .other(let message): "cannot read \(path): \(message)"
    }
  }
}

/// Reads whole files with POSIX calls, so that every failure has its precise reason.
public enum FileReader {
  /// Reads a file's bytes; `limit` bounds the size read (in bytes).
  ///
  /// With `regularFile`, the caller knows the path names a regular file (a tree walk said
  /// so): a read that returns less than asked has then reached the end (the kernel shortens
  /// a regular file's read only there), so a file under 64 KiB costs `open`, one `read`
  /// and `close`, without `fstat` or a last `read` to see the end. Anything else (a
  /// longer file, a directory, a device) goes the general way. The file is opened without
  /// blocking then, and refused unless it is one: a FIFO put in a file's place after the
  /// walk would otherwise stop the run in `open` until something writes to it.
  public static func read(
    _ path: String, limit: Int = Int.max, regularFile: Bool = false
  ) throws(FileReadError) -> [UInt8] {
    try read(path, in: AT_FDCWD, path: path, limit: limit, regularFile: regularFile)
  }

  /// Reads the file `name` in an open folder (`openat`): the kernel then looks up one name,
  /// not every folder on the way from the root. Failures are reported at `path`.
  public static func read(
    _ name: String, in folder: Int32, path: @autoclosure () -> String, limit: Int = Int.max,
    regularFile: Bool = false
  ) throws(FileReadError) -> [UInt8] {
    // Never blocking: a FIFO (or a device) in a file's place would otherwise stop the run in
    // `open` until something writes to it. Only regular files are read.
    let descriptor = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw error(errno, at: path) }
    defer { close(descriptor) }
    return try read(descriptor, path: path(), limit: limit, regularFile: regularFile)
  }

  /// Reads an open file to its end.
  private static func read(
    _ descriptor: Int32, path: @autoclosure () -> String, limit: Int, regularFile: Bool
  ) throws(FileReadError) -> [UInt8] {
    if regularFile {
      let first = 64 << 10
      var failure: Int32 = 0
      // Read into a scratch buffer, kept as an array of exactly the bytes read (no slack).
      let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: first) {
        buffer -> [UInt8]? in
        while true {
          let read = Glibc.read(descriptor, buffer.baseAddress!, first)
          // Nothing read: an empty file, or a FIFO without a writer (`fstat` below tells).
          if read > 0 { return read < first ? Array(buffer[..<read]) : nil }
          if read == 0 { return nil }
          if errno != EINTR {
            failure = errno
            return []
          }
        }
      }
      if failure != 0 { throw error(path(), failure) }
      if let bytes {
        if bytes.count > limit {
          throw FileReadError(path: path(), reason: .tooLarge(size: bytes.count, limit: limit))
        }
        return bytes
      }
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw error(errno, at: path) }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw FileReadError(path: path(), reason: .isDirectory)
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw FileReadError(path: path(), reason: .notRegular)
    }
    if regularFile {
      // Empty, or 64 KiB or more: the general way, from the start.
      guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw error(errno, at: path) }
    }
    let expected = Int(status.st_size)
    if expected > limit {
      throw FileReadError(path: path(), reason: .tooLarge(size: expected, limit: limit))
    }
    // The size fstat gave, read into memory not cleared first (a large file's bytes would
    // be written twice).
    var total = 0
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 0)) { buffer, initialized in
      (total, failure) = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer))
      initialized = total
    }
    if failure != 0 { throw error(path(), failure) }
    // All of it read: probe for more (a file growing, or /proc) without growing the array
    // ahead, which would double every file's memory.
    while total == bytes.count, total < limit {
      let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { probe in
        let count = Glibc.read(descriptor, probe.baseAddress!, probe.count)
        if count > 0 { bytes.append(contentsOf: probe[..<count]) }
        return count
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw error(errno, at: path)
      }
      if count == 0 { break }
      total += count
    }
    if total > limit {
      throw FileReadError(path: path(), reason: .tooLarge(size: total, limit: limit))
    }
    return bytes
  }

  /// Reads into `buffer` until it is full or the file ends: how many bytes were read, and
  /// the `errno` of a failed read (0 when none failed).
  private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer)
    -> (count: Int, failure: Int32)
  {
    var total = 0
    while total < buffer.count {
      let count = Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
      if count < 0 {
        if errno == EINTR { continue }
        return (total, errno)
      }
      if count == 0 { break }
      total += count
    }
    return (total, 0)
  }

  /// The error for `code`, read before `path` runs (which may change `errno`).
  private static func error(_ code: Int32, at path: () -> String) -> FileReadError {
    error(path(), code)
  }

  private static func error(_ path: String, _ code: Int32) -> FileReadError {
    switch code {
    case ENOENT, ENOTDIR: FileReadError(path: path, reason: .notFound)
    case EACCES, EPERM: FileReadError(path: path, reason: .permissionDenied)
    case EISDIR: FileReadError(path: path, reason: .isDirectory)
    // Only a descriptor opened without blocking, so only a FIFO, socket or device.
    case EAGAIN: FileReadError(path: path, reason: .notRegular)
    default: FileReadError(path: path, reason: .other(String(cString: strerror(code))))
    }
  }
}
