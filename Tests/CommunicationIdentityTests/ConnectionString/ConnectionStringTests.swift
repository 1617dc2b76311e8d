import CommunicationIdentity
import Foundation
import Testing

@Suite("Connection strings")
struct ConnectionStringTests {
  static let key =
    "0gcluUYEJyss5+ALD88v9rDP+wtChecGril/2m+TAZgURcSqSyox9nwcJCGJlsxgPKGXF3Dvglfm7yHW0pDXVw=="

  @Test("parses the portal's format and keeps the key's '=' padding")
  func parsesPortalFormat() throws {
    let parsed = try ConnectionString(
      "endpoint=https://contoso.communication.azure.com/;accesskey=\(Self.key)")
    #expect(parsed.endpoint.scheme == .https)
    #expect(parsed.endpoint.host == "contoso.communication.azure.com")
    #expect(parsed.endpoint.port == nil)
    #expect(parsed.endpoint.hostHeader == "contoso.communication.azure.com")
    #expect(parsed.endpoint.baseURL == "https://contoso.communication.azure.com")
    #expect(parsed.accessKey == Array(Data(base64Encoded: Self.key)!))
    #expect(parsed.accessKey.count == 64)
  }

  @Test("a port outside 1...65535 is refused (found by the connection-string fuzzer)")
  func portOutOfRange() throws {
    let input = try String(
      contentsOf: Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions/connection-string/port-out-of-range.txt"),
      encoding: .utf8)
    #expect(input.contains(":84143"))
    #expect {
      try ConnectionString(input)
    } throws: { error in
      "\(error)".contains("port 84143 is not between 1 and 65535")
    }
    for port in ["0", "65536", "99999999999999999999"] {
      #expect(throws: ConnectionStringError.self) {
        try ConnectionString("endpoint=https://a:\(port)/;accesskey=\(Self.key)")
      }
    }
    #expect(
      try ConnectionString("endpoint=https://a:65535/;accesskey=\(Self.key)").endpoint.port == 65535
    )
  }

  @Test("empty brackets name no host (found by the connection-string fuzzer)")
  func emptyBracketedHost() throws {
    let input = try String(
      contentsOf: Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions/connection-string/empty-ipv6-host.txt"),
      encoding: .utf8)
    #expect(input.contains("https://[]:443/"))
    #expect {
      try ConnectionString(input)
    } throws: { error in
      "\(error)".contains("it names no host")
    }
    #expect(
      try ConnectionString("endpoint=https://[::1]:443/;accesskey=\(Self.key)").endpoint.host
        == "::1")
  }

  @Test("a host is a DNS name or an IP address (found by the connection-string fuzzer)")
  func hostIsADNSNameOrAnAddress() throws {
    let input = try String(
      contentsOf: Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions/connection-string/percent-encoded-host.txt"),
      encoding: .utf8)
    #expect(input.contains("https://UnsafeMu%000000000013948/"))
    #expect {
      try ConnectionString(input)
    } throws: { error in
      "\(error)".contains("is not a DNS name or an IP address")
    }
    for host in ["a%20b", "a%2Fb", "caf%C3%A9.example"] {
      #expect(throws: ConnectionStringError.self, "\(host)") {
        try ConnectionString("endpoint=https://\(host)/;accesskey=\(Self.key)")
      }
    }
    for host in ["127.0.0.1", "my_resource-1.communication.azure.com", "LOCALHOST"] {
      #expect(
        try ConnectionString("endpoint=https://\(host)/;accesskey=\(Self.key)").endpoint.host
          == host)
    }
  }

  @Test("text in brackets must be an IPv6 address (found by the connection-string fuzzer)")
  func bracketedHostIsIPv6() throws {
    let input = try String(
      contentsOf: Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions/connection-string/bracketed-non-address.txt"),
      encoding: .utf8)
    #expect(input.contains("https://[=%ht]:443/"))
    #expect {
      try ConnectionString(input)
    } throws: { error in
      "\(error)".contains("'[=%ht]' is not an IPv6 address")
    }
    for host in ["example.com", "1.2.3.4", "::1::", "fe80::1%eth0"] {
      #expect(throws: ConnectionStringError.self, "\(host)") {
        try ConnectionString("endpoint=https://[\(host)]/;accesskey=\(Self.key)")
      }
    }
    let parsed = try ConnectionString("endpoint=http://[FE80::1]:8443/;accesskey=\(Self.key)")
    #expect(parsed.endpoint.baseURL == "http://[FE80::1]:8443")
  }

  @Test(
    "an endpoint URLComponents rewrites is refused with a message, not a crash (found by the fuzzer)"
  )
  func rewrittenEndpoint() throws {
    let input = try String(
      contentsOf: Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions/connection-string/percent-in-ipv6-host.txt"),
      encoding: .utf8)
    #expect(input.contains("[%::1]:443"))
    // Refused with a message, not a crash: `%::1` is no IPv6 address.
    #expect {
      try ConnectionString(input)
    } throws: { error in
      "\(error)".contains("'[%::1]' is not an IPv6 address")
    }
    // The port is read from URLComponents' own string where it rewrites the URL.
    #expect(
      try ConnectionString("endpoint=https://[::1]:443/;accesskey=\(Self.key)").endpoint.port
        == 443)
  }

  @Test("keys are case-insensitive, order and surrounding whitespace do not matter")
  func caseInsensitiveKeys() throws {
    let parsed = try ConnectionString(
      "  AccessKey=\(Self.key); EndPoint=http://127.0.0.1:18080/ ;\n")
    #expect(parsed.endpoint.scheme == .http)
    #expect(parsed.endpoint.hostHeader == "127.0.0.1:18080")
    #expect(parsed.accessKey.count == 64)
  }

  @Test("unknown keys are ignored")
  func unknownKeysIgnored() throws {
    let parsed = try ConnectionString(
      "endpoint=https://a.communication.azure.com;accesskey=\(Self.key);region=westeurope")
    #expect(parsed.endpoint.host == "a.communication.azure.com")
  }

  @Test("the port is part of the Host header unless it is the scheme's default")
  func hostHeaderPorts() throws {
    #expect(
      try ConnectionString("endpoint=https://h:443/;accesskey=AA==").endpoint.hostHeader == "h")
    #expect(try ConnectionString("endpoint=http://h:80/;accesskey=AA==").endpoint.hostHeader == "h")
    #expect(
      try ConnectionString("endpoint=https://h:8443/;accesskey=AA==").endpoint.hostHeader
        == "h:8443")
  }

  @Test("the text form parses back to the same value")
  func roundTrip() throws {
    let parsed = try ConnectionString("endpoint=http://127.0.0.1:5000/;accesskey=\(Self.key)")
    #expect(parsed.stringValue == "endpoint=http://127.0.0.1:5000/;accesskey=\(Self.key)")
    #expect(try ConnectionString(parsed.stringValue) == parsed)
  }

  @Test(
    "malformed strings give a clear error",
    arguments: [
      ("", ConnectionStringError.empty),
      ("   ", .empty),
      ("endpoint=https://a/;garbage", .partWithoutEquals(position: 2, part: "garbage")),
      ("endpoint=https://a/;ENDPOINT=https://b/;accesskey=AA==", .duplicateKey("endpoint")),
      ("accesskey=AA==", .missingEndpoint),
      ("endpoint=;accesskey=AA==", .missingEndpoint),
      ("endpoint=https://a/", .missingAccessKey),
      ("endpoint=https://a/;accesskey=", .missingAccessKey),
      ("endpoint=https://a/;accesskey=not base64!", .invalidAccessKey),
    ])
  func malformed(_ text: String, _ expected: ConnectionStringError) {
    #expect(throws: expected) { try ConnectionString(text) }
  }

  @Test(
    "endpoints that are not an http(s) base URL are rejected with a reason",
    arguments: [
      "ftp://a.communication.azure.com/", "a.communication.azure.com", "https:///",
      "https://a.communication.azure.com/identities", "https://a.communication.azure.com/?x=1",
    ])
  func invalidEndpoints(_ endpoint: String) throws {
    let error = try #require(throws: ConnectionStringError.self) {
      try ConnectionString("endpoint=\(endpoint);accesskey=AA==")
    }
    guard case .invalidEndpoint(let text, let reason) = error else {
      Issue.record("expected invalidEndpoint, got \(error)")
      return
    }
    #expect(text == endpoint)
    #expect(!reason.isEmpty)
  }

  @Test("error messages tell the user what to do")
  func messages() {
    #expect(ConnectionStringError.missingAccessKey.description.contains("accesskey="))
    #expect(ConnectionStringError.invalidAccessKey.description.contains("Base64"))
    #expect(
      ConnectionStringError.partWithoutEquals(position: 2, part: "x").description.contains(
        "Part 2"))
  }
}
