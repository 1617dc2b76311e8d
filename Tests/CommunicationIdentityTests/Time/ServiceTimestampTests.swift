import CommunicationIdentity
import Foundation
import Testing

@Suite("Service timestamps")
struct ServiceTimestampTests {
  @Test("formats with seven fractional digits and +00:00, as the service does")
  func formats() {
    let ticks: Int64 = 1_697_729_725 * 10_000_000 + 8_305_618
    #expect(
      ServiceTimestamp(ticksSince1970: ticks).rawValue == "2023-10-19T15:35:25.8305618+00:00")
    #expect(ServiceTimestamp(ticksSince1970: 0).rawValue == "1970-01-01T00:00:00.0000000+00:00")
    #expect(ServiceTimestamp(ticksSince1970: 5).rawValue == "1970-01-01T00:00:00.0000005+00:00")
  }

  @Test("keeps the wire text exactly, and reads the instant")
  func parses() throws {
    let timestamp = try #require(ServiceTimestamp(rawValue: "2023-10-19T15:35:25.8305618+00:00"))
    #expect(timestamp.description == "2023-10-19T15:35:25.8305618+00:00")
    #expect(timestamp.ticksSince1970 == 1_697_729_725 * 10_000_000 + 8_305_618)
    #expect(abs(timestamp.date.timeIntervalSince1970 - 1_697_729_725.8305618) < 1e-6)
  }

  @Test("reads other offsets, Z and other precisions")
  func otherForms() throws {
    let reference = try #require(ServiceTimestamp(rawValue: "2022-11-16T09:48:02.7233445+00:00"))
    let zulu = try #require(ServiceTimestamp(rawValue: "2022-11-16T09:48:02.7233445Z"))
    let shifted = try #require(ServiceTimestamp(rawValue: "2022-11-16T11:18:02.7233445+01:30"))
    let micro = try #require(ServiceTimestamp(rawValue: "2022-11-16T09:48:02.723344Z"))
    let whole = try #require(ServiceTimestamp(rawValue: "2022-11-16T09:48:02-00:00"))
    #expect(zulu.ticksSince1970 == reference.ticksSince1970)
    #expect(shifted.ticksSince1970 == reference.ticksSince1970)
    #expect(micro.ticksSince1970 == reference.ticksSince1970 - 5)
    #expect(whole.ticksSince1970 == reference.ticksSince1970 - 7_233_445)
    #expect(shifted.rawValue == "2022-11-16T11:18:02.7233445+01:30")
  }

  @Test(
    "rejects text that is not an ISO 8601 date-time",
    arguments: [
      "", "2023-10-19", "2023-10-19T15:35:25", "2023-10-19T15:35:25.+00:00",
      "2023-13-19T15:35:25Z", "2023-10-19T15:35:25.83+0000", "2023-10-19 15:35:25Z",
      "2023-10-19T15:35:25.83+00:00x", "10/19/2023 3:35:25 PM +00:00",
    ])
  func rejects(_ text: String) {
    #expect(ServiceTimestamp(rawValue: text) == nil)
  }

  @Test("decodes from and encodes to a JSON string unchanged")
  func codable() throws {
    let json = Data(#"{"expiresOn":"2023-10-19T15:35:25.8305618+00:00"}"#.utf8)
    struct Body: Codable { var expiresOn: ServiceTimestamp }
    let body = try JSONDecoder().decode(Body.self, from: json)
    #expect(body.expiresOn.rawValue == "2023-10-19T15:35:25.8305618+00:00")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    #expect(try encoder.encode(body) == json)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Body.self, from: Data(#"{"expiresOn":"tomorrow"}"#.utf8))
    }
  }
}
