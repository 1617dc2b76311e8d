import CommunicationIdentity
import Foundation

/// libFuzzer's entry point: parses the input (as UTF-8, repaired) as a connection string.
///
/// Besides crashes and hangs, it traps on a broken promise: a parsed connection string has a
/// non-empty key, a host without brackets and a port in 1...65535, and prints (`stringValue`)
/// as text that parses back to the same key and base URL; an error has a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConnectionString(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let text = String(decoding: bytes, as: UTF8.self)
  // `fatalError`, not `precondition`: release builds keep its message.
  func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("connection string invariant: \(message())") }
  }
  let parsed: ConnectionString
  do {
    parsed = try ConnectionString(text)
  } catch {
    require(!error.description.isEmpty, "an error without a message: \(error)")
    return 0
  }
  require(!parsed.accessKey.isEmpty, "an empty access key")
  require(!parsed.endpoint.host.isEmpty, "an empty host")
  require(!parsed.endpoint.host.hasPrefix("["), "a bracketed host \(parsed.endpoint.host)")
  if let port = parsed.endpoint.port {
    require((1...65535).contains(port), "port \(port)")
  }
  let printed = parsed.stringValue
  do {
    let reparsed = try ConnectionString(printed)
    // The port of the scheme is left out when printed (`https://a:443` prints `https://a`).
    require(
      reparsed.accessKey == parsed.accessKey
        && reparsed.endpoint.baseURL == parsed.endpoint.baseURL,
      "'\(printed)' parses back to another value: \(reparsed)")
  } catch {
    fatalError("connection string invariant: '\(printed)' does not parse back: \(error)")
  }
  do {
    let endpoint = try Endpoint(parsed.endpoint.description)
    require(
      endpoint.baseURL == parsed.endpoint.baseURL,
      "endpoint '\(parsed.endpoint)' reparses as \(endpoint)")
  } catch {
    fatalError("connection string invariant: endpoint '\(parsed.endpoint)' fails: \(error)")
  }
  return 0
}
