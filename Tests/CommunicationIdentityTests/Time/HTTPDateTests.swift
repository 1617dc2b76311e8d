import CommunicationIdentity
import Foundation
import Testing

@Suite("RFC 1123 dates")
struct HTTPDateTests {
  @Test("formats the date of the SDK's vectors")
  func formats() {
    // Sat, 21 Nov 2026 20:46:45 GMT
    let date = Date(timeIntervalSince1970: 1_795_294_005)
    #expect(HTTPDate.string(from: date) == "Sat, 21 Nov 2026 20:46:45 GMT")
    #expect(
      HTTPDate.string(from: Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    #expect(
      HTTPDate.string(from: Date(timeIntervalSince1970: 951_782_400.9))
        == "Tue, 29 Feb 2000 00:00:00 GMT")
  }

  @Test("parses what it formats")
  func roundTrip() {
    for seconds in stride(from: 0, to: 4_102_444_800, by: 86_400 * 37 + 3_607) {
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      #expect(HTTPDate.date(from: HTTPDate.string(from: date)) == date)
    }
  }

  @Test(
    "rejects malformed dates",
    arguments: [
      "", "Sat, 21 Nov 2026 20:46:45 UTC", "Sat, 31 Nov 2026 20:46:45 GMT",
      "Sat, 21 Nov 2026 24:00:00 GMT", "Xyz, 21 Nov 2026 20:46:45 GMT",
      "Sat, 21 Foo 2026 20:46:45 GMT", "Sat,  1 Nov 2026 20:46:45 GMT",
      "Saturday, 21-Nov-26 20:46:45 GMT", "2026-11-21T20:46:45Z", "Sat, 29 Feb 2026 20:46:45 GMT",
    ])
  func rejects(_ text: String) {
    #expect(HTTPDate.date(from: text) == nil)
  }
}
