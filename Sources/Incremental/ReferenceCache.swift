import DocModel
import DocSite
import Foundation

/// The token hashes of files by path and git object id, kept between `--changed-since` runs.
///
/// A file git reports unchanged is then neither opened nor read again. An entry holds for a
/// path as long as the commit a run compares with has the same object at that path and git
/// reports the file unchanged: the content of a blob never changes. The entries are in the
/// order of the scan that wrote them (the tree's sorted paths), so that a run finds them by
/// walking its own sorted paths beside them (`CacheMatch`).
///
/// The file format (integers little-endian):
///
///     "DPREFS03"                      magic and version, 8 bytes
///     u32 count                       entries, then each entry:
///       u32 length, path              the path's length and its UTF-8 bytes
///       u8 length, id                 the object id's length (20 or 32) and its bytes
///       u32 count, count x u64        how many hashes, and the hashes in ascending order
///     u64 checksum                    `StableHash.fnv1a` of every byte before it
///
/// Anything else (a wrong magic, a bad checksum, an entry cut short, bytes after the last
/// entry, hashes out of order) is refused as a whole: the run reads the files and writes a
/// good cache.
public struct ReferenceCache: Sendable {
  /// A file's path, its object id, and the sorted token hashes of that object's content.
  public typealias Entry = (path: String, id: GitObjectID, hashes: [UInt64])

  /// In the order they were written.
  public let entries: [Entry]

  public static let empty = ReferenceCache(entries: [])

  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// How many files it knows.
  public var count: Int { entries.count }

  static let magic = Array("DPREFS03".utf8)

  /// Why bytes are not a cache.
  public struct Damage: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
  }

  /// Encodes entries, in the order given, as a cache file's bytes.
  public static func encode(_ entries: [Entry]) -> [UInt8] {
    var bytes = magic
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    append(UInt32(entries.count))
    for entry in entries {
      append(UInt32(entry.path.utf8.count))
      bytes += entry.path.utf8
      append(UInt8(entry.id.byteCount))
      bytes += entry.id.bytes
      append(UInt32(entry.hashes.count))
      for hash in entry.hashes { append(hash) }
    }
    append(StableHash.fnv1a(bytes))
    return bytes
  }

  /// Decodes a cache file's bytes.
  public static func decode(_ bytes: [UInt8]) throws(Damage) -> ReferenceCache {
    guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else {
      throw Damage(description: "not a docproof reference index (or another version)")
    }
    let body = bytes.count - 8
    var trailer = Reader(bytes: bytes, offset: body, end: bytes.count)
    guard try trailer.integer(UInt64.self) == StableHash.fnv1a(bytes[..<body]) else {
      throw Damage(description: "its checksum does not match its contents")
    }
    var reader = Reader(bytes: bytes, offset: magic.count, end: body)
    let count = try reader.integer(UInt32.self)
    var entries: [Entry] = []
    for _ in 0..<count {
      let path = try reader.take(Int(try reader.integer(UInt32.self)))
      let idLength = Int(try reader.integer(UInt8.self))
      guard let id = GitObjectID(bytes: try reader.take(idLength)) else {
        throw Damage(description: "an object id of \(idLength) bytes")
      }
      let hashes = try reader.hashes(Int(try reader.integer(UInt32.self)))
      guard zip(hashes, hashes.dropFirst()).allSatisfy({ $0 < $1 }) else {
        throw Damage(description: "an entry's hashes are not in order")
      }
      entries.append((String(decoding: path, as: UTF8.self), id, hashes))
    }
    guard reader.offset == body else {
      throw Damage(description: "\(body - reader.offset) bytes after its last entry")
    }
    return ReferenceCache(entries: entries)
  }

  /// Reads a cache file's fields one after another, never past `end`.
  private struct Reader {
    let bytes: [UInt8]
    var offset: Int
    let end: Int

    /// The next `count` bytes.
    mutating func take(_ count: Int) throws(Damage) -> ArraySlice<UInt8> {
      guard count <= end - offset else { throw Damage(description: "it ends inside an entry") }
      defer { offset += count }
      return bytes[offset..<offset + count]
    }

    /// The next little-endian integer.
    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(Damage) -> T {
      let size = MemoryLayout<T>.size
      guard size <= end - offset else { throw Damage(description: "it ends inside an entry") }
      defer { offset += size }
      return bytes.withUnsafeBytes { [offset] raw in
        T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
      }
    }

    /// The next `count` little-endian 64-bit integers (the size checked before any is read).
    mutating func hashes(_ count: Int) throws(Damage) -> [UInt64] {
      guard count <= (end - offset) / 8 else {
        throw Damage(description: "it ends inside an entry")
      }
      defer { offset += count * 8 }
      return bytes.withUnsafeBytes { [offset] raw in
        (0..<count).map {
          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * $0, as: UInt64.self))
        }
      }
    }
  }
}

extension ReferenceCache {
  /// Where `--changed-since` keeps its cache, relative to the tree's root.
  ///
  /// The name stays `-v2` for the format `DPREFS03` too: a file of the earlier format is
  /// refused by its magic and rewritten.
  public static let relativePath = CacheDirectory.name + "/references-v3.bin"

  /// Where earlier versions kept theirs (removed when this one is written).
  static let retiredPaths = [
    CacheDirectory.name + "/references-v1.bin", CacheDirectory.name + "/references-v2.bin",
  ]

  /// The cache under `realRoot`: empty when there is none, with a note when one is there
  /// but cannot be used (it is then rebuilt).
  public static func load(realRoot: String) -> (ReferenceCache, note: String?) {
    guard let path = CacheDirectory.pathForReading(relativePath, realRoot: realRoot) else {
      return (.empty, nil)
    }
    do {
      return (try decode(try FileReader.read(path, limit: 1 << 30)), nil)
    } catch let error as Damage {
      return (.empty, "\(relativePath) is damaged (\(error)): reading every file and rebuilding it")
    } catch {
      return (.empty, "\(error): reading every file")
    }
  }

  /// Writes the cache a scan asks for (if it asks), atomically; a note when it cannot.
  static func save(_ scan: ReferenceScan, realRoot: String) -> String? {
    guard let entries = scan.cacheEntries else { return nil }
    let bytes = encode(entries.map { (scan.paths[$0.file], $0.id, scan.tokens(ofFile: $0.file)) })
    switch CacheDirectory.pathForWriting(relativePath, realRoot: realRoot) {
    case .failure(let error):
      return "\(error): the next run reads every file again"
    case .success(let path):
      do {
        try AtomicFile.write(Data(bytes), to: path)
        // The files of earlier versions are of no use any more.
        for retired in retiredPaths {
          if let old = CacheDirectory.pathForReading(retired, realRoot: realRoot) { unlink(old) }
        }
        return nil
      } catch {
        return "cannot write \(relativePath) (\(error)): the next run reads every file again"
      }
    }
  }
}
