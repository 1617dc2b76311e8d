import Foundation

/// The RFC 1123 date format of the `x-ms-date` header: `Sat, 21 Nov 2026 20:46:45 GMT`.
public enum HTTPDate {
  private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Formats a date, truncated to whole seconds, as an RFC 1123 date in GMT.
  public static func string(from date: Date) -> String {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let time = CivilTime(secondsSince1970: seconds)
    return "\(weekdays[time.weekday]), \(twoDigits(time.day)) \(months[time.month - 1]) "
      + "\(fourDigits(time.year)) \(twoDigits(time.hour)):\(twoDigits(time.minute)):"
      + "\(twoDigits(time.second)) GMT"
  }

  /// Parses an RFC 1123 date (`Sat, 21 Nov 2026 20:46:45 GMT`); `nil` if it is malformed.
  public static func date(from text: String) -> Date? {
    let bytes = Array(text.utf8)
    // "Www, DD Mmm YYYY HH:MM:SS GMT" is exactly 29 bytes.
    guard bytes.count == 29,
      bytes[3] == UInt8(ascii: ","), bytes[4] == UInt8(ascii: " "),
      bytes[7] == UInt8(ascii: " "), bytes[11] == UInt8(ascii: " "),
      bytes[16] == UInt8(ascii: " "), bytes[19] == UInt8(ascii: ":"),
      bytes[22] == UInt8(ascii: ":"), bytes[25] == UInt8(ascii: " "),
      String(decoding: bytes[26...], as: UTF8.self) == "GMT",
      weekdays.contains(String(decoding: bytes[0..<3], as: UTF8.self)),
      let monthIndex = months.firstIndex(of: String(decoding: bytes[8..<11], as: UTF8.self)),
      let day = number(bytes[5..<7]), let year = number(bytes[12..<16]),
      let hour = number(bytes[17..<19]), let minute = number(bytes[20..<22]),
      let second = number(bytes[23..<25])
    else { return nil }
    let time = CivilTime(
      year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
    guard time.isValid else { return nil }
    return Date(timeIntervalSince1970: TimeInterval(time.secondsSince1970))
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}

func twoDigits(_ value: Int) -> String {
  value < 10 ? "0\(value)" : "\(value)"
}

func fourDigits(_ value: Int) -> String {
  let text = String(value)
  return String(repeating: "0", count: max(0, 4 - text.count)) + text
}
