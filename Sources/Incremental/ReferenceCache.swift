import DocModel
import DocSite
import Foundation

/// The token hashes of files by git object id, kept between `--changed-since` runs so that a
/// file git reports unchanged is neither opened nor read again.
///
/// The content of a blob never changes, so an entry never goes stale: it is only dropped
/// when no file has that content any more. The file format (little-endian):
///
///     "DPREFS01"            magic and version, 8 bytes
///     u32 idLength          20 (SHA-1) or 32 (SHA-256)
///     u32 count             entries
///     u64 hashCount         hashes, all entries together
///     count x (id, u32 n)   by ascending id: the object id and how many hashes it has
///     hashCount x u64       the entries' sorted hashes, in entry order
///     u64 checksum          of every byte before it
///
/// Anything else (truncated, a wrong count, ids out of order, a bad checksum) is refused
/// as a whole: the run reads the files and writes a good cache.
public struct ReferenceCache: Sendable {
  /// Sorted, distinct.
  private let ids: [GitObjectID]
  /// `hashes[starts[i]..<starts[i + 1]]` belong to `ids[i]`.
  private let starts: [Int]
  private let hashes: [UInt64]

  public static let empty = ReferenceCache(ids: [], starts: [0], hashes: [])

  private init(ids: [GitObjectID], starts: [Int], hashes: [UInt64]) {
    self.ids = ids
    self.starts = starts
    self.hashes = hashes
  }

  /// How many objects it knows.
  public var count: Int { ids.count }

  /// The token hashes of the file with this object id, if known.
  func hashes(for id: GitObjectID) -> ArraySlice<UInt64>? {
    index(of: id).map(hashes(at:))
  }

  /// Where the entry for an object id is, if there is one (a binary search).
  func index(of id: GitObjectID) -> Int? {
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low < ids.count && ids[low] == id ? low : nil
  }

  /// The token hashes of the entry at `index`.
  func hashes(at index: Int) -> ArraySlice<UInt64> {
    hashes[starts[index]..<starts[index + 1]]
  }

  static let magic = Array("DPREFS01".utf8)

  /// Why bytes are not a cache.
  public struct Damage: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
  }

  /// Decodes a cache file's bytes.
  public static func decode(_ bytes: [UInt8]) throws(Damage) -> ReferenceCache {
    var reader = Reader(bytes: bytes)
    guard bytes.count >= 32, Array(bytes[0..<8]) == magic else {
      throw Damage(description: "not a docproof reference index (or another version)")
    }
    reader.offset = 8
    let idLength = Int(reader.u32())
    let count = Int(reader.u32())
    let hashCount = reader.u64()
    guard idLength == 20 || idLength == 32 else {
      throw Damage(description: "object ids of \(idLength) bytes")
    }
    // The sizes the header announces must be the file's size, without overflow.
    let (entryBytes, overflowA) = count.multipliedReportingOverflow(by: idLength + 4)
    let (hashBytes, overflowB) = Int(truncatingIfNeeded: hashCount).multipliedReportingOverflow(
      by: 8)
    guard hashCount <= UInt64(Int.max / 8), !overflowA, !overflowB,
      24 + entryBytes + hashBytes + 8 == bytes.count
    else {
      throw Damage(description: "its size (\(bytes.count) bytes) is not what its header says")
    }
    let body = bytes.count - 8
    reader.offset = body
    guard reader.u64() == checksum(bytes[0..<body]) else {
      throw Damage(description: "its checksum does not match its contents")
    }
    reader.offset = 24
    var ids: [GitObjectID] = []
    ids.reserveCapacity(count)
    var starts: [Int] = [0]
    starts.reserveCapacity(count + 1)
    for _ in 0..<count {
      let id = GitObjectID(bytes: bytes[reader.offset..<reader.offset + idLength])!
      reader.offset += idLength
      if let last = ids.last, !(last < id) {
        throw Damage(description: "its entries are not in order")
      }
      ids.append(id)
      starts.append(starts[starts.count - 1] + Int(reader.u32()))
    }
    guard starts[count] == Int(hashCount) else {
      throw Damage(description: "its entries hold \(starts[count]) hashes, not \(hashCount)")
    }
    var hashes = [UInt64](repeating: 0, count: Int(hashCount))
    hashes.withUnsafeMutableBytes { target in
      bytes.withUnsafeBytes { source in
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[reader.offset..<body]))
      }
    }
    for index in hashes.indices { hashes[index] = UInt64(littleEndian: hashes[index]) }
    for entry in 0..<count where starts[entry] < starts[entry + 1] {
      for index in starts[entry] + 1..<starts[entry + 1] where hashes[index - 1] >= hashes[index] {
        throw Damage(description: "an entry's hashes are not in order")
      }
    }
    return ReferenceCache(ids: ids, starts: starts, hashes: hashes)
  }

  /// Encodes entries (any order; a repeated id is kept once) as a cache file's bytes.
  public static func encode(_ entries: [(id: GitObjectID, hashes: ArraySlice<UInt64>)]) -> [UInt8] {
    var sorted = entries.sorted { $0.id < $1.id }
    var previous: GitObjectID?
    sorted.removeAll { entry in
      defer { previous = entry.id }
      return entry.id == previous
    }
    let idLength = sorted.first?.id.byteCount ?? 20
    sorted.removeAll { $0.id.byteCount != idLength }
    let hashCount = sorted.reduce(0) { $0 + $1.hashes.count }
    var bytes = magic
    bytes.reserveCapacity(24 + sorted.count * (idLength + 4) + hashCount * 8 + 8)
    append(UInt32(idLength), to: &bytes)
    append(UInt32(sorted.count), to: &bytes)
    append(UInt64(hashCount), to: &bytes)
    for entry in sorted {
      bytes += entry.id.bytes
      append(UInt32(entry.hashes.count), to: &bytes)
    }
    for entry in sorted {
      entry.hashes.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
    append(checksum(bytes[...]), to: &bytes)
    return bytes
  }

  /// A 64-bit checksum of bytes, a word at a time (FNV-1a's constants over words).
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBytes { raw in
      let words = raw.count / 8
      for index in 0..<words {
        let word = UInt64(
          littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        hash = (hash ^ word) &* 0x100_0000_01b3
        hash ^= hash >> 29
      }
      for index in words * 8..<raw.count { hash = (hash ^ UInt64(raw[index])) &* 0x100_0000_01b3 }
    }
    return hash
  }

  private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Reads little-endian integers; callers check the bounds first.
  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func u32() -> UInt32 {
      defer { offset += 4 }
      return bytes.withUnsafeBytes {
        UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
      }
    }

    mutating func u64() -> UInt64 {
      defer { offset += 8 }
      return bytes.withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      }
    }
  }
}

extension ReferenceCache {
  /// Where `--changed-since` keeps its cache, relative to the tree's root.
  public static let relativePath = CacheDirectory.name + "/references-v1.bin"

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
    let bytes = encode(entries.map { ($0.id, scan.tokens(ofFile: $0.file)) })
    switch CacheDirectory.pathForWriting(relativePath, realRoot: realRoot) {
    case .failure(let error):
      return "\(error): the next run reads every file again"
    case .success(let path):
      do {
        try AtomicFile.write(Data(bytes), to: path)
        return nil
      } catch {
        return "cannot write \(relativePath) (\(error)): the next run reads every file again"
      }
    }
  }
}
