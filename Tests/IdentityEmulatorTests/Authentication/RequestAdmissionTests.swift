import CommunicationIdentity
import Foundation
@_spi(Fuzzing) import IdentityEmulator
import Testing

/// The emulator's gate without a server, the entry point of the `emulator-auth` fuzz target.
@Suite("Request admission (the fuzzing entry point)")
struct RequestAdmissionTests {
  /// When the vectors were signed: Sat, 21 Nov 2026 20:46:45 GMT.
  static let signedAt = Date(timeIntervalSince1970: 1_795_294_005)

  static func denial(
    _ vector: SignedRequestVector, body: String? = nil, target: String? = nil,
    now: Date = signedAt
  ) -> RequestAdmission.Denial? {
    RequestAdmission.denial(
      method: vector.method, target: target ?? vector.rawPath, authority: vector.headers["Host"],
      headers: vector.headers.filter { $0.key != "Host" }.map { ($0.key, $0.value) },
      body: Array((body ?? vector.body).utf8), accessKey: SignedRequestVector.accessKey,
      allowedClockSkew: .seconds(15 * 60), now: now)
  }

  @Test("the seven requests the SDK signed are admitted")
  func sdkRequestsAdmitted() throws {
    let vectors = try SignedRequestVector.all()
    #expect(vectors.count == 7)
    for vector in vectors {
      #expect(Self.denial(vector) == nil, "\(vector.method) \(vector.rawPath)")
    }
  }

  @Test("a changed body, target, clock or key is denied with 401 Denied")
  func tamperingDenied() throws {
    let vector = try #require(try SignedRequestVector.all().dropFirst().first)
    let body = try #require(Self.denial(vector, body: vector.body + " "))
    #expect(body.status == 401 && body.code == "Denied")
    #expect(body.message.contains("content hash"))
    let target = try #require(
      Self.denial(vector, target: vector.rawPath.replacingOccurrences(of: "2023", with: "2022")))
    #expect(target.status == 401 && target.message.contains("signature does not match"))
    let late = try #require(Self.denial(vector, now: Self.signedAt + 15 * 60 + 1))
    #expect(late.status == 401 && late.message.contains("901 seconds"))
    #expect(Self.denial(vector, now: Self.signedAt - 15 * 60) == nil)
    let otherKey = RequestAdmission.denial(
      method: vector.method, target: vector.rawPath, authority: vector.headers["Host"],
      headers: vector.headers.map { ($0.key, $0.value) }, body: Array(vector.body.utf8),
      accessKey: Array(repeating: 7, count: 64), allowedClockSkew: .seconds(900),
      now: Self.signedAt)
    #expect(otherKey?.status == 401)
  }

  @Test("routing comes before authentication: unknown paths 404, wrong methods 405")
  func routingFirst() throws {
    let vector = try #require(try SignedRequestVector.all().first)
    #expect(Self.denial(vector, target: "/nothing?api-version=2023-10-01")?.status == 404)
    let wrongMethod = RequestAdmission.denial(
      method: "PUT", target: vector.rawPath, authority: nil, headers: [], body: [],
      accessKey: SignedRequestVector.accessKey, allowedClockSkew: .seconds(900),
      now: Self.signedAt)
    #expect(wrongMethod?.status == 405)
    let badName = RequestAdmission.denial(
      method: "POST", target: vector.rawPath, authority: nil, headers: [("bad name", "x")],
      body: [], accessKey: SignedRequestVector.accessKey, allowedClockSkew: .seconds(900),
      now: Self.signedAt)
    #expect(badName?.status == 400)
  }
}
