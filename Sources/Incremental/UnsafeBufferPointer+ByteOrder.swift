import Foundation

extension UnsafeBufferPointer<UInt8> {
  /// The order of these bytes and `other`: negative, zero or positive, as `memcmp`, the
  /// shorter first when one begins the other (git's order of paths).
  func byteOrder(comparedTo other: UnsafeBufferPointer<UInt8>) -> Int {
    let common = Swift.min(count, other.count)
    if common > 0, let left = baseAddress, let right = other.baseAddress {
      let order = memcmp(left, right, common)
      if order != 0 { return Int(order) }
    }
    return count - other.count
  }
}
