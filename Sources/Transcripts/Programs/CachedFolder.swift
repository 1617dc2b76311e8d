import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A folder of a cache that a slow step fills once (a Python environment, npm packages).
///
/// It is ready once its marker file is there, and the marker is written only after the
/// step succeeded; the step runs under a lock on the cache. So an interrupted or
/// concurrent run never uses a half-filled folder, and delete the folder to start over.
enum CachedFolder {
  /// Why a folder could not be filled.
  struct SetupError: Error, Sendable, CustomStringConvertible {
    var description: String
  }

  /// Makes `directory` (in `cache`) ready: nothing when its marker is there, else `fill`,
  /// then the marker, holding `contents` (what the folder was filled with).
  static func prepare(
    _ directory: String, in cache: String, marker contents: String,
    fill: () async throws(SetupError) -> Void
  ) async throws(SetupError) {
    let ready = directory + "/.docproof-ready"
    if FileManager.default.fileExists(atPath: ready) { return }
    do {
      try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    } catch {
      throw SetupError(description: "cannot create \(cache): \(error.localizedDescription)")
    }
    let lock = open(cache + "/.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lock >= 0 else { throw SetupError(description: "cannot lock \(cache)") }
    defer { close(lock) }
    flock(lock, LOCK_EX)
    defer { flock(lock, LOCK_UN) }
    // Another run may have filled it while this one waited for the lock.
    if FileManager.default.fileExists(atPath: ready) { return }
    try await fill()
    FileManager.default.createFile(atPath: ready, contents: Data(contents.utf8))
  }
}
