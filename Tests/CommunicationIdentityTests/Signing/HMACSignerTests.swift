import CommunicationIdentity
import Foundation
import Testing

@Suite("HMAC-SHA256 request signing")
struct HMACSignerTests {
  let signer = HMACSigner(accessKey: Array(Data(base64Encoded: SignedRequestVector.accessKey)!))

  @Test("the fixture holds the seven signed requests of the official Python SDK")
  func fixtureHasSevenVectors() throws {
    let vectors = try SignedRequestVector.all()
    #expect(vectors.count == 7)
    #expect(vectors[0].signature == "82odHHmLKbxkY4/ALSndyQJhznMVoRGPo5cHtaEaqkk=")
  }

  @Test("the content hash of each vector's body is its x-ms-content-sha256 header")
  func contentHashes() throws {
    for vector in try SignedRequestVector.all() {
      #expect(
        HMACSigner.contentHash(of: Array(vector.body.utf8)) == vector.headers["x-ms-content-sha256"]
      )
    }
  }

  @Test("the string to sign of each vector matches the SDK's")
  func stringsToSign() throws {
    for vector in try SignedRequestVector.all() {
      let built = HMACSigner.stringToSign(
        method: vector.method, pathAndQuery: vector.rawPath,
        date: try #require(vector.headers["x-ms-date"]), host: try #require(vector.headers["Host"]),
        contentHash: HMACSigner.contentHash(of: Array(vector.body.utf8)))
      #expect(built == vector.stringToSign)
    }
  }

  @Test("signing reproduces the SDK's signature for all seven vectors")
  func signaturesMatch() throws {
    for vector in try SignedRequestVector.all() {
      #expect(signer.signature(for: vector.stringToSign) == vector.signature)
      #expect(signer.isValidSignature(vector.signature, for: vector.stringToSign))
    }
  }

  @Test("sign() yields the exact headers the SDK sent")
  func signProducesTheSDKHeaders() throws {
    for vector in try SignedRequestVector.all() {
      let dateText = try #require(vector.headers["x-ms-date"])
      let date = try #require(HTTPDate.date(from: dateText))
      let signature = signer.sign(
        method: vector.method, pathAndQuery: vector.rawPath,
        host: try #require(vector.headers["Host"]), body: Array(vector.body.utf8), date: date)
      #expect(signature.date == vector.headers["x-ms-date"])
      #expect(signature.contentHash == vector.headers["x-ms-content-sha256"])
      #expect(signature.authorization == vector.headers["Authorization"])
    }
  }

  @Test("a changed request, key or signature fails verification")
  func tamperingIsDetected() throws {
    let vectors = try SignedRequestVector.all()
    let vector = try #require(vectors.first)
    let tamperedRequest = vector.stringToSign.replacingOccurrences(of: "POST", with: "PUT")
    #expect(!signer.isValidSignature(vector.signature, for: tamperedRequest))
    let otherKey = HMACSigner(accessKey: Array(repeating: 7, count: 64))
    #expect(!otherKey.isValidSignature(vector.signature, for: vector.stringToSign))
    #expect(!signer.isValidSignature("not base64!", for: vector.stringToSign))
    #expect(!signer.isValidSignature("", for: vector.stringToSign))
  }

  @Test("the empty body hashes to the well-known value")
  func emptyBodyHash() {
    #expect(HMACSigner.contentHash(of: [UInt8]()) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
  }
}

@Suite("Authorization header")
struct AuthorizationHeaderTests {
  @Test("parses the header the SDK sends and writes it back unchanged")
  func roundTrip() throws {
    for vector in try SignedRequestVector.all() {
      let value = try #require(vector.headers["Authorization"])
      let header = try #require(AuthorizationHeader(parsing: value))
      #expect(header.signedHeaders == ["x-ms-date", "host", "x-ms-content-sha256"])
      #expect(header.signature == vector.signature)
      #expect(header.stringValue == value)
    }
  }

  @Test(
    "rejects malformed values",
    arguments: [
      "",
      "Bearer abc",
      "HMAC-SHA256 ",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host",
      "HMAC-SHA256 Signature=abc=",
      "HMAC-SHA256 SignedHeaders=x-ms-date;;host&Signature=abc",
      "HMAC-SHA256 SignedHeaders=host&Signature=",
      "HMAC-SHA256 SignedHeaders=host&Signature=a&Signature=b",
      "HMAC-SHA256 SignedHeaders=host&Signature=a&Extra=1",
      "HMAC-SHA256 SignedHeaders",
    ])
  func rejectsMalformed(_ value: String) {
    #expect(AuthorizationHeader(parsing: value) == nil)
  }

  @Test("the scheme name is case-insensitive")
  func schemeCaseInsensitive() {
    let header = AuthorizationHeader(parsing: "hmac-sha256 SignedHeaders=host&Signature=abc=")
    #expect(header?.signedHeaders == ["host"])
    #expect(header?.signature == "abc=")
  }

  @Test("parameter names are case-insensitive and in any order (RFC 7235)")
  func parameterNamesCaseInsensitive() {
    // The emulator-auth fuzzer's oracle once demanded the exact spelling `SignedHeaders`.
    for value in [
      "HMAC-SHA256 SignedHeadeRs=x-ms-date;Host&Signature=abc=",
      "HMAC-SHA256 signature=abc=&signedheaders=x-ms-date;host",
    ] {
      let header = AuthorizationHeader(parsing: value)
      #expect(header?.signedHeaders == ["x-ms-date", "host"], "\(value)")
      #expect(header?.signature == "abc=", "\(value)")
    }
  }
}
