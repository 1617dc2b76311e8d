import CommunicationIdentity
import Testing

@Suite("Percent-encoding")
struct PercentEncodingTests {
  @Test("encodes an identity id as the SDKs do")
  func encodesIdentity() {
    let id = "8:acs:00000000-1111-2222-3333-444444444444_4afa82ae-56a4-443c-b4c8-a88005b37c84"
    #expect(
      PercentEncoding.encode(id)
        == "8%3Aacs%3A00000000-1111-2222-3333-444444444444_4afa82ae-56a4-443c-b4c8-a88005b37c84")
    #expect(PercentEncoding.encode("a b/é~") == "a%20b%2F%C3%A9~")
  }

  @Test("decodes what it encodes")
  func roundTrip() {
    for text in ["8:acs:x_y", "a b/c?d&e=f", "é☃", "%", ""] {
      #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
    }
  }

  @Test("a plus is a space only in query mode")
  func plus() {
    #expect(PercentEncoding.decode("a+b") == "a+b")
    #expect(PercentEncoding.decode("a+b", plusAsSpace: true) == "a b")
  }

  @Test(
    "malformed escapes and invalid UTF-8 are rejected",
    arguments: ["%", "%4", "%ZZ", "a%G1", "%FF"])
  func rejects(_ text: String) {
    #expect(PercentEncoding.decode(text) == nil)
  }
}
