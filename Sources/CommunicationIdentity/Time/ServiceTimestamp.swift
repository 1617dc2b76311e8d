import Foundation

/// A point in time as the Identity service writes it on the wire: ISO 8601 with seven
/// fractional digits and a numeric offset, `2023-10-19T15:35:25.8305618+00:00`.
///
/// The text is kept exactly as received (``rawValue``), so a program can print what the
/// service returned; ``date`` is the same instant as a `Date`.
public struct ServiceTimestamp: Sendable, Hashable, CustomStringConvertible {
  /// The timestamp exactly as it appeared on the wire.
  public let rawValue: String
  /// The instant in 100-nanosecond ticks since 1970-01-01T00:00:00Z (.NET's resolution).
  public let ticksSince1970: Int64

  /// The instant as a `Date`.
  public var date: Date {
    Date(timeIntervalSince1970: TimeInterval(ticksSince1970) / 10_000_000)
  }

  public var description: String { rawValue }

  /// The 100-nanosecond ticks in one second.
  public static let ticksPerSecond: Int64 = 10_000_000

  /// Formats an instant the way the service does: UTC, seven fractional digits, `+00:00`.
  public init(ticksSince1970 ticks: Int64) {
    let seconds = ticks >= 0 ? ticks / Self.ticksPerSecond : (ticks + 1) / Self.ticksPerSecond - 1
    let fraction = ticks - seconds * Self.ticksPerSecond
    let time = CivilTime(secondsSince1970: seconds)
    let fractionText = String(fraction)
    let paddedFraction = String(repeating: "0", count: 7 - fractionText.count) + fractionText
    self.rawValue =
      "\(fourDigits(time.year))-\(twoDigits(time.month))-\(twoDigits(time.day))T"
      + "\(twoDigits(time.hour)):\(twoDigits(time.minute)):\(twoDigits(time.second))."
      + "\(paddedFraction)+00:00"
    self.ticksSince1970 = ticks
  }

  /// Parses an ISO 8601 date-time with any number of fractional digits and a `Z` or
  /// `±HH:MM` offset; `nil` if the text is not one.
  public init?(rawValue: String) {
    let bytes = Array(rawValue.utf8)
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
      let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19)
    else { return nil }
    let time = CivilTime(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    guard time.isValid else { return nil }

    var index = 19
    var fractionTicks: Int64 = 0
    if bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale = Self.ticksPerSecond / 10
      let start = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        fractionTicks += Int64(bytes[index] - UInt8(ascii: "0")) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }

    var offsetSeconds: Int64 = 0
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard index + 1 == bytes.count else { return nil }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
        let offsetHours = digits(index + 1..<index + 3),
        let offsetMinutes = digits(index + 4..<index + 6),
        offsetHours <= 23, offsetMinutes <= 59
      else { return nil }
      let magnitude = Int64(offsetHours * 3600 + offsetMinutes * 60)
      offsetSeconds = bytes[index] == UInt8(ascii: "+") ? magnitude : -magnitude
    default:
      return nil
    }

    self.rawValue = rawValue
    self.ticksSince1970 =
      (time.secondsSince1970 - offsetSeconds) * Self.ticksPerSecond + fractionTicks
  }
}

extension ServiceTimestamp: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let timestamp = ServiceTimestamp(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time.")
    }
    self = timestamp
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
