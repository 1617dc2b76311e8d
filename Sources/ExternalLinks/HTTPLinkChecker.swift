import AsyncHTTPClient
import DocSite
import Foundation
import NIOCore
import NIOHTTP1

/// Checks http(s) URLs like lychee does: HEAD first, GET when HEAD is refused, a bounded
/// number of requests in flight, a timeout per request, retries with backoff on 429 and 503
/// (honoring `Retry-After`), and a cache of good results with a maximum age.
public struct HTTPLinkChecker: ExternalLinkChecking {
  public var settings: Configuration.ExternalLinks
  /// The cache file relative to `cacheRoot`, or `nil` for no cache.
  public var cachePath: String?
  /// The real root of the tree the cache lives in: it is read and written only inside it
  /// (`CacheDirectory`).
  public var cacheRoot: String
  /// First backoff delay in seconds when the server gives no `Retry-After`.
  public var backoffBase: Double
  /// The longest `Retry-After` honored, in seconds.
  public var maximumWait: Double

  public init(
    settings: Configuration.ExternalLinks, cachePath: String?, cacheRoot: String,
    backoffBase: Double = 1, maximumWait: Double = 60
  ) {
    self.settings = settings
    self.cachePath = cachePath
    self.cacheRoot = cacheRoot
    self.backoffBase = backoffBase
    self.maximumWait = maximumWait
  }

  public func check(_ urls: [String]) async -> [String: ExternalLinkStatus] {
    let now = Date().timeIntervalSince1970
    var cache = LinkCache.load(
      cachePath.flatMap { CacheDirectory.pathForReading($0, realRoot: cacheRoot) })
    var results: [String: ExternalLinkStatus] = [:]
    var pending: [String] = []
    let excluded = settings.exclude.compactMap { try? Regex($0) }
    for url in Set(urls).sorted() {
      if excluded.contains(where: { url.contains($0) }) { continue }
      if let cached = cache.entries[url], cached.ok,
        now - cached.checkedAt <= Double(settings.maxAgeSeconds)
      {
        results[url] = cached
      } else {
        pending.append(url)
      }
    }
    guard !pending.isEmpty else { return results }

    var configuration = HTTPClient.Configuration()
    configuration.redirectConfiguration = .follow(max: 10, allowCycles: false)
    // A refused connection is an answer: report it now instead of retrying to the deadline.
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.timeout = .init(
      connect: .milliseconds(Int64(settings.timeoutSeconds * 1000)),
      read: .milliseconds(Int64(settings.timeoutSeconds * 1000)))
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    let checked = await withTaskGroup(of: ExternalLinkStatus.self) { group in
      var next = 0
      var done: [ExternalLinkStatus] = []
      while next < min(settings.concurrency, pending.count) {
        let url = pending[next]
        group.addTask { await self.check(url, client: client) }
        next += 1
      }
      while let status = await group.next() {
        done.append(status)
        if next < pending.count {
          let url = pending[next]
          group.addTask { await self.check(url, client: client) }
          next += 1
        }
      }
      return done
    }
    try? await client.shutdown()
    for status in checked {
      results[status.url] = status
      if status.ok { cache.entries[status.url] = status } else { cache.entries[status.url] = nil }
    }
    // A cache that cannot be written inside the tree is not written: the links are checked
    // again next time.
    cache.save(
      cachePath.flatMap { try? CacheDirectory.pathForWriting($0, realRoot: cacheRoot).get() })
    return results
  }

  /// One URL: HEAD, then GET if HEAD is not answered with success, with retries.
  func check(_ url: String, client: HTTPClient) async -> ExternalLinkStatus {
    var attempt = 0
    while true {
      var outcome = await request(url, method: .HEAD, client: client)
      if case .response(let status, _) = outcome, !(200...399).contains(status),
        status != 429, status != 503
      {
        outcome = await request(url, method: .GET, client: client)
      }
      let checkedAt = Date().timeIntervalSince1970
      switch outcome {
      case .response(let status, let retryAfter):
        if status == 429 || status == 503, attempt < settings.retries {
          let wait = retryAfter ?? backoffBase * pow(2, Double(attempt))
          attempt += 1
          try? await Task.sleep(for: .milliseconds(Int(min(wait, maximumWait) * 1000)))
          continue
        }
        return ExternalLinkStatus(
          url: url, ok: (200...399).contains(status), status: status, error: nil,
          checkedAt: checkedAt)
      case .failure(let message):
        return ExternalLinkStatus(
          url: url, ok: false, status: nil, error: message, checkedAt: checkedAt)
      }
    }
  }

  enum Outcome {
    case response(Int, retryAfter: Double?)
    case failure(String)
  }

  func request(_ url: String, method: HTTPMethod, client: HTTPClient) async -> Outcome {
    var request = HTTPClientRequest(url: url)
    request.method = method
    request.headers.add(name: "User-Agent", value: "docproof (link check)")
    request.headers.add(name: "Accept", value: "*/*")
    do {
      let response = try await client.execute(
        request, timeout: .milliseconds(Int64(settings.timeoutSeconds * 1000)))
      // Read at most a little of a GET body, then let the connection go.
      if method == .GET { _ = try? await response.body.collect(upTo: 64 << 10) }
      return .response(
        Int(response.status.code),
        retryAfter: Self.retryAfter(response.headers.first(name: "Retry-After")))
    } catch {
      return .failure(Self.describe(error))
    }
  }

  /// `Retry-After` as seconds: a number, or an HTTP date.
  static func retryAfter(_ value: String?) -> Double? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
      return nil
    }
    if let seconds = Double(value) { return max(0, seconds) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: value) else { return nil }
    return max(0, date.timeIntervalSinceNow)
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? HTTPClientError {
      switch error {
      case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
      case .remoteConnectionClosed: return "connection closed by the server"
      case .invalidURL: return "not a valid URL"
      case .redirectLimitReached, .redirectCycleDetected: return "too many redirects"
      default: return "\(error)"
      }
    }
    let text = "\(error)"
    if text.contains("connectionRefused") || text.contains("Connection refused") {
      return "connection refused"
    }
    return text
  }
}

/// Good results kept between runs, in a JSON file inside the checked tree.
struct LinkCache: Codable {
  var version = 1
  var entries: [String: ExternalLinkStatus] = [:]

  static func load(_ path: String?) -> LinkCache {
    guard let path, let data = FileManager.default.contents(atPath: path),
      let cache = try? JSONDecoder().decode(LinkCache.self, from: data), cache.version == 1
    else { return LinkCache() }
    return cache
  }

  func save(_ path: String?) {
    guard let path else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(self) else { return }
    try? AtomicFile.write(data, to: path)
  }
}
