import AsyncHTTPClient
import CommunicationIdentity
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Signed (or deliberately mis-signed) requests to the emulator over one connection pool of
/// up to `connections` connections, answering with the status and body instead of throwing.
final class SoakClient: Sendable {
  /// How a request is signed.
  enum Signing: Sendable {
    /// Correctly, dated now.
    case valid
    /// Correctly, but dated at another time.
    case dated(Date)
    /// With a signature made with another key.
    case wrongKey
  }

  /// The answer to a request: a status, or the transport error that replaced it.
  struct Answer: Sendable {
    var status: Int?
    var body: [UInt8]
    var transportError: String?

    func json() -> [String: Any]? {
      (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
  }

  let http: HTTPClient
  let endpoint: Endpoint
  let signer: HMACSigner
  private let wrongSigner = HMACSigner(accessKey: Array(repeating: 0x5A, count: 32))

  init(connectionString: String, certificateFile: String?, connections: Int) throws {
    let connection = try ConnectionString(connectionString)
    endpoint = connection.endpoint
    signer = HMACSigner(accessKey: connection.accessKey)
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
      idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    configuration.timeout = .init(connect: .seconds(10), read: .seconds(30))
    if let certificateFile {
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.trustRoots = .file(certificateFile)
      configuration.tlsConfiguration = tls
    }
    http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  func shutdown() async {
    try? await http.shutdown()
  }

  /// The signed request, ready to send (and to send again, for replays).
  func request(
    _ method: HTTPMethod, _ target: String, json: String? = nil, signing: Signing = .valid
  ) -> HTTPClientRequest {
    let body = Array((json ?? "").utf8)
    var request = HTTPClientRequest(url: endpoint.baseURL + target)
    request.method = method
    let date: Date
    switch signing {
    case .valid, .wrongKey: date = Date()
    case .dated(let other): date = other
    }
    let key = if case .wrongKey = signing { wrongSigner } else { signer }
    let signature = key.sign(
      method: method.rawValue, pathAndQuery: target, host: endpoint.hostHeader, body: body,
      date: date)
    for (name, value) in signature.headers { request.headers.add(name: name, value: value) }
    if json != nil { request.headers.add(name: "Content-Type", value: "application/json") }
    request.body = .bytes(ByteBuffer(bytes: body))
    return request
  }

  /// Sends a request; a transport failure is an answer too.
  func send(_ request: HTTPClientRequest) async -> Answer {
    do {
      let response = try await http.execute(request, timeout: .seconds(60))
      var buffer = try await response.body.collect(upTo: 1 << 20)
      return Answer(
        status: Int(response.status.code),
        body: buffer.readBytes(length: buffer.readableBytes) ?? [],
        transportError: nil)
    } catch {
      return Answer(status: nil, body: [], transportError: "\(error)")
    }
  }

  func send(
    _ method: HTTPMethod, _ target: String, json: String? = nil, signing: Signing = .valid
  ) async -> Answer {
    await send(request(method, target, json: json, signing: signing))
  }

  static func identityPath(_ id: String, _ suffix: String = "") -> String {
    "/identities/\(PercentEncoding.encode(id))\(suffix)?api-version=2023-10-01"
  }
}
