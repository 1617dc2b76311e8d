import DocModel
import DocSite
import Foundation

/// The token hashes of files by path and git object id, kept between `--changed-since` runs
/// so that a file git reports unchanged is neither opened nor read again.
///
/// An entry holds for a path as long as the commit a run compares with has the same object
/// at that path and git reports the file unchanged: the content of a blob never changes.
/// The entries are in the order of the scan that wrote them (the tree's sorted paths), so
/// that a run finds them by walking its own paths and the commit's listing beside them,
/// with no table of paths; the hashes are used where the file was read into, not copied.
/// The file format (little-endian):
///
///     "DPREFS02"                      magic and version, 8 bytes
///     u32 idLength                    20 (SHA-1) or 32 (SHA-256)
///     u32 count                       entries
///     u64 pathBytes                   bytes of all paths together
///     u64 hashCount                   hashes, all entries together
///     count x (id, u32 p, u32 n)      the object id, the path's length, how many hashes
///     pathBytes                       the entries' paths (UTF-8), one after another
///     0 to 7 zero bytes               to a multiple of 8 bytes from the start
///     hashCount x u64                 the entries' sorted hashes, in entry order
///     u64 checksum                    of every byte before it
///
/// Anything else (truncated, a wrong count, hashes out of order, a bad checksum) is refused
/// as a whole: the run reads the files and writes a good cache.
public struct ReferenceCache: Sendable {
  /// The file, 8 bytes at a time.
  private let words: [UInt64]
  private let ids: [GitObjectID]
  /// The path of entry `i` is bytes `pathStarts[i]..<pathStarts[i + 1]` of `words`.
  private let pathStarts: [Int]
  /// The hashes of entry `i` are `words[starts[i]..<starts[i + 1]]`.
  private let starts: [Int]

  public static let empty = ReferenceCache(words: [], ids: [], pathStarts: [0], starts: [0])

  private init(words: [UInt64], ids: [GitObjectID], pathStarts: [Int], starts: [Int]) {
    self.words = words
    self.ids = ids
    self.pathStarts = pathStarts
    self.starts = starts
  }

  /// How many files it knows.
  public var count: Int { ids.count }

  /// The object id of entry `index`.
  func id(at index: Int) -> GitObjectID { ids[index] }

  /// The path of entry `index`.
  func path(at index: Int) -> String {
    withPaths { String(decoding: $0.path(index), as: UTF8.self) }
  }

  /// The token hashes of entry `index`.
  func hashes(at index: Int) -> ArraySlice<UInt64> {
    words[starts[index]..<starts[index + 1]]
  }

  /// Where in `storage` the hashes of entry `index` are.
  func hashRange(at index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

  /// What the hashes are kept in (a scan takes them from there, without copying them).
  var storage: [UInt64] { words }

  /// The token hashes of the file at `path` with object id `id`, if known (a linear search,
  /// for tests; runs walk the entries in order).
  func hashes(forPath path: String, id: GitObjectID) -> ArraySlice<UInt64>? {
    ids.indices.first { ids[$0] == id && self.path(at: $0) == path }.map(hashes(at:))
  }

  /// Calls `body` with the entries' paths, readable without copying for as long as it runs.
  func withPaths<Result>(_ body: (Paths) throws -> Result) rethrows -> Result {
    try words.withUnsafeBytes { raw in
      try pathStarts.withUnsafeBufferPointer { starts in
        try body(Paths(bytes: raw.assumingMemoryBound(to: UInt8.self), starts: starts))
      }
    }
  }

  /// The entries' paths, in place.
  struct Paths {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let starts: UnsafeBufferPointer<Int>

    var count: Int { starts.count - 1 }

    /// The bytes of the path of entry `index`.
    func path(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
    }
  }

  static let magic = Array("DPREFS02".utf8)

  /// Why bytes are not a cache.
  public struct Damage: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
  }

  /// Decodes a cache file's bytes.
  public static func decode(_ bytes: [UInt8]) throws(Damage) -> ReferenceCache {
    let words = [UInt64](unsafeUninitializedCapacity: (bytes.count + 7) / 8) {
      buffer, initialized in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      raw.initializeMemory(as: UInt8.self, repeating: 0)
      bytes.withUnsafeBytes { raw.copyMemory(from: $0) }
      initialized = buffer.count
    }
    return try decode(words: words, byteCount: bytes.count)
  }

  /// Decodes a cache file read into words (`FileReader.readWords`).
  static func decode(words: [UInt64], byteCount: Int) throws(Damage) -> ReferenceCache {
    let header = try words.withUnsafeBytes { raw in
      Result { () throws(Damage) in try Header(raw, byteCount: byteCount) }
    }.get()
    var ids: [GitObjectID] = []
    ids.reserveCapacity(header.count)
    var pathStarts: [Int] = [header.pathStart]
    pathStarts.reserveCapacity(header.count + 1)
    var starts: [Int] = [header.hashStart / 8]
    starts.reserveCapacity(header.count + 1)
    words.withUnsafeBytes { raw in
      var offset = 32
      for _ in 0..<header.count {
        ids.append(
          GitObjectID(
            raw: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + header.idLength]))!)
        offset += header.idLength
        pathStarts.append(pathStarts[pathStarts.count - 1] + Int(Header.u32(raw, at: offset)))
        starts.append(starts[starts.count - 1] + Int(Header.u32(raw, at: offset + 4)))
        offset += 8
      }
    }
    guard pathStarts[header.count] == header.pathStart + header.pathBytes else {
      throw Damage(
        description:
          "its entries' paths take \(pathStarts[header.count] - header.pathStart) bytes, not \(header.pathBytes)"
      )
    }
    guard starts[header.count] == header.hashStart / 8 + header.hashCount else {
      throw Damage(
        description:
          "its entries hold \(starts[header.count] - header.hashStart / 8) hashes, not \(header.hashCount)"
      )
    }
    #if _endian(big)
      var words = words
      for index in starts[0]..<starts[header.count] {
        words[index] = UInt64(littleEndian: words[index])
      }
    #endif
    for entry in 0..<header.count where starts[entry] < starts[entry + 1] {
      for index in starts[entry] + 1..<starts[entry + 1] where words[index - 1] >= words[index] {
        throw Damage(description: "an entry's hashes are not in order")
      }
    }
    return ReferenceCache(words: words, ids: ids, pathStarts: pathStarts, starts: starts)
  }

  /// The sizes a cache file announces, checked against its size and checksum.
  private struct Header {
    var idLength: Int
    var count: Int
    var pathBytes: Int
    var hashCount: Int
    /// Byte offsets of the paths and of the hashes.
    var pathStart: Int
    var hashStart: Int

    init(_ raw: UnsafeRawBufferPointer, byteCount: Int) throws(Damage) {
      guard byteCount >= 40, Array(raw[0..<8]) == ReferenceCache.magic else {
        throw Damage(description: "not a docproof reference index (or another version)")
      }
      idLength = Int(Self.u32(raw, at: 8))
      count = Int(Self.u32(raw, at: 12))
      let pathBytes = Self.u64(raw, at: 16)
      let hashCount = Self.u64(raw, at: 24)
      guard idLength == 20 || idLength == 32 else {
        throw Damage(description: "object ids of \(idLength) bytes")
      }
      // The sizes the header announces must be the file's size, without overflow.
      guard pathBytes <= UInt64(byteCount), hashCount <= UInt64(byteCount / 8) else {
        throw Damage(description: "its size (\(byteCount) bytes) is not what its header says")
      }
      self.pathBytes = Int(pathBytes)
      self.hashCount = Int(hashCount)
      pathStart = 32 + count * (idLength + 8)
      hashStart = ReferenceCache.aligned(pathStart + self.pathBytes)
      guard hashStart + self.hashCount * 8 + 8 == byteCount else {
        throw Damage(description: "its size (\(byteCount) bytes) is not what its header says")
      }
      let body = byteCount - 8
      guard
        Self.u64(raw, at: body)
          == ReferenceCache.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<body]))
      else {
        throw Damage(description: "its checksum does not match its contents")
      }
    }

    static func u32(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
      UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    static func u64(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
  }

  /// `offset` rounded up to a multiple of 8.
  static func aligned(_ offset: Int) -> Int { (offset + 7) / 8 * 8 }

  /// Encodes entries, in the order given, as a cache file's bytes (entries whose object
  /// ids are not as long as the first's are left out).
  public static func encode(
    _ entries: [(path: String, id: GitObjectID, hashes: ArraySlice<UInt64>)]
  ) -> [UInt8] {
    let idLength = entries.first?.id.byteCount ?? 20
    let kept = entries.filter { $0.id.byteCount == idLength }
    let hashCount = kept.reduce(0) { $0 + $1.hashes.count }
    let pathBytes = kept.reduce(0) { $0 + $1.path.utf8.count }
    let hashStart = aligned(32 + kept.count * (idLength + 8) + pathBytes)
    var bytes = magic
    bytes.reserveCapacity(hashStart + hashCount * 8 + 8)
    append(UInt32(idLength), to: &bytes)
    append(UInt32(kept.count), to: &bytes)
    append(UInt64(pathBytes), to: &bytes)
    append(UInt64(hashCount), to: &bytes)
    for entry in kept {
      bytes += entry.id.bytes
      append(UInt32(entry.path.utf8.count), to: &bytes)
      append(UInt32(entry.hashes.count), to: &bytes)
    }
    for entry in kept { bytes += entry.path.utf8 }
    bytes += repeatElement(0, count: hashStart - bytes.count)
    for entry in kept {
      entry.hashes.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
    append(bytes.withUnsafeBytes { checksum($0) }, to: &bytes)
    return bytes
  }

  /// A 64-bit checksum of bytes: four lanes of words (FNV-1a's constants over words), so
  /// that the multiplications of one lane do not wait for another's.
  static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9ce4_8422_2325_cbf2, 0x2325_cbf2_9ce4_8422
    )
    func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
      let hash = (hash ^ word) &* 0x100_0000_01b3
      return hash ^ (hash >> 29)
    }
    func word(_ index: Int) -> UInt64 {
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
    }
    let words = raw.count / 8
    var index = 0
    while index + 4 <= words {
      lanes.0 = mix(lanes.0, word(index))
      lanes.1 = mix(lanes.1, word(index + 1))
      lanes.2 = mix(lanes.2, word(index + 2))
      lanes.3 = mix(lanes.3, word(index + 3))
      index += 4
    }
    var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
    while index < words {
      hash = mix(hash, word(index))
      index += 1
    }
    for offset in words * 8..<raw.count { hash = mix(hash, UInt64(raw[offset])) }
    return mix(hash, UInt64(raw.count))
  }

  private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
}

extension ReferenceCache {
  /// Where `--changed-since` keeps its cache, relative to the tree's root.
  public static let relativePath = CacheDirectory.name + "/references-v2.bin"

  /// Where earlier versions kept theirs (removed when this one is written).
  static let retiredPaths = [CacheDirectory.name + "/references-v1.bin"]

  /// The cache under `realRoot`: empty when there is none, with a note when one is there
  /// but cannot be used (it is then rebuilt).
  public static func load(realRoot: String) -> (ReferenceCache, note: String?) {
    guard let path = CacheDirectory.pathForReading(relativePath, realRoot: realRoot) else {
      return (.empty, nil)
    }
    do {
      let (words, byteCount) = try FileReader.readWords(path, limit: 1 << 30)
      return (try decode(words: words, byteCount: byteCount), nil)
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
