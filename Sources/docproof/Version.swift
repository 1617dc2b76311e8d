import CJemalloc
import DocModel

/// What `docproof --version` prints: docproof's version and the libraries it runs on.
enum Version {
  static let number = "0.1.0"

  static var text: String {
    """
    docproof \(number)
    cmark-gfm \(ParserLibraries.cmarkGFM)
    libxml2 \(ParserLibraries.libxml2)
    allocator: \(allocator)
    """
  }

  /// The allocator serving this process: jemalloc (linked in) when it answers, with how
  /// much this thread has had from it, which is zero only if another allocator serves.
  static var allocator: String {
    var version: UnsafePointer<CChar>? = nil
    var size = MemoryLayout<UnsafePointer<CChar>?>.size
    guard mallctl("version", &version, &size, nil, 0) == 0, let version else {
      return "not jemalloc"
    }
    var allocated: UInt64 = 0
    size = MemoryLayout<UInt64>.size
    guard mallctl("thread.allocated", &allocated, &size, nil, 0) == 0, allocated > 0 else {
      return "jemalloc \(String(cString: version)) (linked, but malloc is served elsewhere)"
    }
    return "jemalloc \(String(cString: version))"
  }
}
