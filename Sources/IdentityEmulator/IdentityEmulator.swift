import CommunicationIdentity
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The Communication Services Identity emulator: a Hummingbird 2 server that answers the
/// Identity REST API as the service does, over HTTP or HTTPS.
public enum IdentityEmulator {
  /// Starts an emulator, runs `body` with it, and stops it when `body` returns or throws.
  public static func withRunning<Output>(
    _ configuration: EmulatorConfiguration = EmulatorConfiguration(),
    _ body: (RunningEmulator) async throws -> Output
  ) async throws -> Output {
    let prepared = try await PreparedEmulator(configuration)
    defer { prepared.cleanUp() }
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let application = try prepared.application { port in continuation.yield(port) }

    let services = ServiceGroup(
      configuration: ServiceGroupConfiguration(services: [application], logger: application.logger))

    return try await withThrowingTaskGroup(of: Void.self, returning: Output.self) { group in
      group.addTask {
        defer { continuation.finish() }
        try await services.run()
      }
      var iterator = ports.makeAsyncIterator()
      guard let port = await iterator.next() else {
        do {
          try await group.next()
        } catch {
          throw EmulatorError.notListening(
            host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        throw EmulatorError.notListening(
          host: configuration.host, port: configuration.port, reason: "the server stopped")
      }
      let outcome: Result<Output, any Error>
      do {
        outcome = .success(try await body(prepared.running(port: port)))
      } catch {
        outcome = .failure(error)
      }
      // Stop gracefully; cancel if open connections keep the server busy for too long.
      await services.triggerGracefulShutdown()
      group.addTask { try? await Task.sleep(for: .seconds(5)) }
      _ = try? await group.next()
      group.cancelAll()
      return try outcome.get()
    }
  }

  /// Runs an emulator in the foreground until SIGINT or SIGTERM; `onReady` is called once it
  /// listens.
  public static func run(
    _ configuration: EmulatorConfiguration,
    onReady: @escaping @Sendable (RunningEmulator) async -> Void
  ) async throws {
    let prepared = try await PreparedEmulator(configuration)
    defer { prepared.cleanUp() }
    let application = try prepared.application { port in
      await onReady(prepared.running(port: port))
    }
    do {
      try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    } catch {
      throw EmulatorError.notListening(
        host: configuration.host, port: configuration.port, reason: "\(error)")
    }
  }
}

/// Everything an emulator needs before it listens: keys, certificate and state.
struct PreparedEmulator: Sendable {
  let configuration: EmulatorConfiguration
  let service: EmulatorService
  let accessKey: [UInt8]
  let certificate: SelfSignedCertificate?
  let certificateDirectory: URL?

  /// Request header limits: larger headers get 431.
  static let maxHeaderFieldSize = 16 * 1024
  static let maxHeaderListSize = 32 * 1024

  init(_ configuration: EmulatorConfiguration) async throws(EmulatorError) {
    self.configuration = configuration
    let deterministic = configuration.deterministic
    let accessKey: [UInt8]
    if let key = configuration.accessKey {
      accessKey = key
    } else if deterministic {
      accessKey = DeterministicFixtures.accessKey
    } else {
      var generator = SystemRandomNumberGenerator()
      accessKey = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
    self.accessKey = accessKey

    let signer: TokenSigner
    do {
      signer =
        deterministic
        ? try await TokenSigner(privateKeyPEM: DeterministicFixtures.signingKeyPEM)
        : try await TokenSigner.random()
    } catch {
      throw .signingKey("\(error)")
    }
    let resourceID =
      deterministic ? DeterministicFixtures.resourceID : UUID().uuidString.lowercased()
    self.service = EmulatorService(
      store: IdentityStore(resourceID: resourceID, sequentialIDs: deterministic),
      signer: signer,
      clock: deterministic ? .fixed(ticksSince1970: DeterministicFixtures.clockTicks) : .system,
      resourceID: resourceID,
      authenticator: RequestAuthenticator(
        signer: HMACSigner(accessKey: accessKey),
        allowedClockSkew: configuration.allowedClockSkew),
      maxBodySize: configuration.maxBodySize)

    if configuration.tls {
      do {
        let certificate = try SelfSignedCertificate()
        let directory = FileManager.default.temporaryDirectory
          .appendingPathComponent("docproof-emulator-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(certificate.certificatePEM.utf8).write(
          to: directory.appendingPathComponent("ca.pem"))
        self.certificate = certificate
        self.certificateDirectory = directory
      } catch {
        throw .certificate("\(error)")
      }
    } else {
      self.certificate = nil
      self.certificateDirectory = nil
    }
  }

  /// The Hummingbird application; `onListening` receives the bound port.
  func application(onListening: @escaping @Sendable (Int) async -> Void) throws(EmulatorError)
    -> Application<IdentityResponder>
  {
    let connections = ConnectionCount(limit: configuration.maxConnections)
    let http1 = HTTPServerBuilder.http1(
      configuration: HTTP1Channel.Configuration(
        additionalChannelHandlers: [
          ConnectionLimitHandler(count: connections),
          MalformedRequestHandler(),
          RequestReadTimeoutHandler(timeout: .init(configuration.requestReadTimeout)),
        ],
        idleTimeout: .seconds(60),
        httpDecoderConfiguration: .init(
          maxHeaderFieldSize: Self.maxHeaderFieldSize,
          maxHeaderListSize: Self.maxHeaderListSize,
          maxHeaderFieldCount: 200)))
    let server: HTTPServerBuilder
    if let certificate {
      do {
        server = try .tls(http1, tlsConfiguration: certificate.serverConfiguration())
      } catch {
        throw .certificate("\(error)")
      }
    } else {
      server = http1
    }
    var logger = Logger(label: "docproof.identity-emulator") { label in
      StreamLogHandler.standardError(label: label)
    }
    logger.logLevel = configuration.logLevel
    return Application(
      responder: IdentityResponder(service: service),
      server: server,
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port), serverName: nil),
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
  }

  /// The emulator as clients see it once it listens on `port`.
  func running(port: Int) -> RunningEmulator {
    let host =
      ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
    let endpoint = Endpoint(scheme: certificate == nil ? .http : .https, host: host, port: port)
    return RunningEmulator(
      endpoint: endpoint,
      connectionString: ConnectionString(endpoint: endpoint, accessKey: accessKey).stringValue,
      certificateFile: certificateDirectory?.appendingPathComponent("ca.pem").path,
      certificatePEM: certificate?.certificatePEM,
      tokenPublicKeyPEM: service.signer.publicKeyPEM,
      service: service)
  }

  /// Removes the certificate file.
  func cleanUp() {
    if let certificateDirectory {
      try? FileManager.default.removeItem(at: certificateDirectory)
    }
  }
}
