import Crypto
import Foundation
@_spi(Fuzzing) import IdentityEmulator

/// libFuzzer's entry point: reads the input as an HTTP/1.1 request and asks the emulator's
/// gate (target, route, HMAC-SHA256 signature, date window, content hash) whether it may run.
///
/// The input is a request line (`METHOD TARGET [VERSION]`), `Name: value` header lines, an
/// empty line and the body; lines end in LF or CRLF. The access key is the one of the
/// official SDK's signed requests (`Tests/Fixtures/identity/hmac-vectors.jsonl`, seeds too)
/// and the server's clock shows the date they were signed at. An `Authorization` header
/// whose value is `RESIGN` is replaced by a correct signature that this file computes with
/// swift-crypto, independently of the emulator, over the request as received (x-ms-date,
/// host and x-ms-content-sha256 set to the right values).
///
/// Two properties hold, and `fatalError` records a crash when one breaks:
/// - whatever the emulator lets through is signed correctly: the signature is HMAC-SHA256
///   with the key over the method, the raw target and the signed headers' values, the
///   content hash is the body's, the date is within 15 minutes;
/// - a request signed correctly, on a route the emulator knows, is let through.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmulatorAuth(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
  guard var request = FuzzRequest(parsing: bytes) else { return 0 }
  let resigned = request.header("authorization") == "RESIGN"
  if resigned { request.resign() }

  let denial = RequestAdmission.denial(
    method: request.method, target: request.target, authority: request.header("host"),
    headers: request.headers, body: request.body, accessKey: FuzzRequest.accessKey,
    allowedClockSkew: .seconds(15 * 60), now: FuzzRequest.now)
  guard let denial else {
    if let problem = request.signatureProblem() {
      fatalError("emulator-auth: the emulator admitted a request that is \(problem)")
    }
    return 0
  }
  if !(400...499).contains(denial.status) || denial.message.isEmpty {
    fatalError("emulator-auth: a denial that is no client error: \(denial)")
  }
  // A correct signature may only fail on what precedes authentication: the route.
  if resigned, denial.status == 401 {
    fatalError("emulator-auth: a correctly signed request was refused: \(denial)")
  }
  return 0
}

/// A request read from fuzzer bytes.
struct FuzzRequest {
  static let accessKey = Array(
    Data(
      base64Encoded:
        "0gcluUYEJyss5+ALD88v9rDP+wtChecGril/2m+TAZgURcSqSyox9nwcJCGJlsxgPKGXF3Dvglfm7yHW0pDXVw=="
    )!)
  /// Saturday, 21 November 2026 20:46:45 GMT: the date the vectors were signed at.
  static let now = Date(timeIntervalSince1970: 1_795_294_005)
  static let nowText = "Sat, 21 Nov 2026 20:46:45 GMT"

  var method: String
  var target: String
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  /// Splits the bytes at the first empty line; `nil` without a request line.
  init?(parsing bytes: [UInt8]) {
    var lines: [String] = []
    var start = 0
    var index = 0
    var bodyStart: Int?
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        var end = index
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        start = index + 1
        if line.isEmpty, !lines.isEmpty {
          bodyStart = start
          break
        }
        lines.append(line)
      }
      index += 1
    }
    guard let requestLine = lines.first else { return nil }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count >= 2 else { return nil }
    method = String(parts[0])
    target = String(parts[1])
    headers = lines.dropFirst().compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      return (String(line[..<colon]), value)
    }
    body = bodyStart.map { Array(bytes[$0...]) } ?? []
    // HTTP's parser refuses control characters in values, and `HTTPField` would replace them
    // with spaces (so the emulator would check other values than the ones signed here).
    let illegal = headers.contains { field in
      field.value.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }
    }
    if illegal { return nil }
  }

  /// A header's value by case-insensitive name; repeated fields joined as `HTTPFields` joins
  /// them (`, `, or `; ` for cookies).
  func header(_ name: String) -> String? {
    let values = headers.filter { $0.name.lowercased() == name }.map(\.value)
    return values.isEmpty ? nil : values.joined(separator: name == "cookie" ? "; " : ", ")
  }

  private mutating func set(_ name: String, _ value: String) {
    headers.removeAll { $0.name.lowercased() == name }
    headers.append((name, value))
  }

  /// Signs the request as a client would: date, host, content hash and signature.
  mutating func resign() {
    set("x-ms-date", Self.nowText)
    if header("host") == nil { set("host", "localhost") }
    set("x-ms-content-sha256", Data(SHA256.hash(data: body)).base64EncodedString())
    let values = ["x-ms-date", "host", "x-ms-content-sha256"].map { header($0) ?? "" }
    set(
      "authorization",
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
        + signature(values))
  }

  /// Base64 HMAC-SHA256 of `METHOD\nTARGET\nvalue;value;value`.
  func signature(_ values: [String]) -> String {
    let stringToSign = "\(method)\n\(target)\n\(values.joined(separator: ";"))"
    let code = HMAC<SHA256>.authenticationCode(
      for: Data(stringToSign.utf8), using: SymmetricKey(data: Self.accessKey))
    return Data(code).base64EncodedString()
  }

  /// Why the request is not correctly signed, or `nil` when it is.
  func signatureProblem() -> String? {
    guard let authorization = header("authorization") else { return "unsigned" }
    // RFC 7235: the scheme and the parameter names are case-insensitive, parameters come in
    // any order; `SignedHeaders` and `Signature` each exactly once, nothing else.
    let scheme = "hmac-sha256 "
    guard authorization.lowercased().hasPrefix(scheme) else {
      return "signed with another scheme: \(authorization)"
    }
    var parameters: [String: String] = [:]
    for parameter in authorization.dropFirst(scheme.count).split(separator: "&") {
      let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = pair[0].lowercased()
      guard pair.count == 2, ["signedheaders", "signature"].contains(name),
        parameters[name] == nil
      else { return "signed with a malformed parameter list: \(authorization)" }
      parameters[name] = String(pair[1])
    }
    guard let signedHeaders = parameters["signedheaders"] else {
      return "without 'SignedHeaders=': \(authorization)"
    }
    guard let signatureText = parameters["signature"] else {
      return "without 'Signature=': \(authorization)"
    }
    let names = signedHeaders.split(separator: ";", omittingEmptySubsequences: false)
      .map { $0.lowercased() }
    let given = Data(base64Encoded: signatureText)
    var values: [String] = []
    for name in names {
      guard let value = header(name) else { return "missing its signed header \(name)" }
      values.append(value)
    }
    guard let given, given == Data(base64Encoded: signature(values)) else {
      return "signed with another key or over other values"
    }
    guard Set(names).isSuperset(of: ["host", "x-ms-content-sha256"]),
      names.contains("x-ms-date") || names.contains("date")
    else { return "signed over too few headers: \(names)" }
    let hash = Data(SHA256.hash(data: body)).base64EncodedString()
    guard header("x-ms-content-sha256") == hash else { return "of another body" }
    let dateName = names.contains("x-ms-date") ? "x-ms-date" : "date"
    guard let dateText = header(dateName), let date = Self.parseDate(dateText) else {
      return "dated with no RFC 1123 date"
    }
    guard abs(date.timeIntervalSince(Self.now)) <= 15 * 60 else {
      return "dated \(dateText), outside the window"
    }
    return nil
  }

  /// An RFC 1123 date (`Sat, 21 Nov 2026 20:46:45 GMT`), read with Foundation.
  static func parseDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.date(from: text)
  }
}
