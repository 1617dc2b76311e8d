import DocModel
import DocSite
import Foundation
import TestSupport
import Testing

@testable import Checks
@testable import ExternalLinks

@Suite(.serialized) struct ExternalLinkTests {
  /// Generous timeouts: the suite runs in parallel on loaded CI machines.
  func settings(timeout: Double = 20, retries: Int = 2) -> Configuration.ExternalLinks {
    var settings = Configuration.ExternalLinks()
    settings.timeoutSeconds = timeout
    settings.retries = retries
    settings.concurrency = 4
    return settings
  }

  @Test func statusesRetriesAndFallbacks() async throws {
    try await withLoopbackServer { base, log in
      let checker = HTTPLinkChecker(
        settings: settings(), cachePath: nil, cacheRoot: "/nonexistent", backoffBase: 0.01)
      let urls = ["ok", "missing", "head-refused", "busy", "always-busy", "slow", "redirect"].map {
        "\(base)/\($0)"
      }
      let results = await checker.check(urls + [urls[0]])
      #expect(results["\(base)/ok"]?.ok == true)
      #expect(results["\(base)/missing"]?.status == 404)
      #expect(results["\(base)/head-refused"]?.ok == true)
      #expect(results["\(base)/busy"]?.ok == true)
      #expect(results["\(base)/always-busy"]?.status == 503)
      #expect(results["\(base)/redirect"]?.ok == true)
      #expect(
        await log.count("HEAD /ok") == 2,
        "once directly, once after the redirect; duplicates checked once")
      #expect(await log.count("GET /head-refused") == 1)
      #expect(await log.count("HEAD /busy") == 3, "two 429s honored with Retry-After, then success")
      #expect(await log.count("HEAD /always-busy") == 3, "the first try and two retries")
      #expect(await log.count("GET /missing") == 1, "GET after a failed HEAD")
    }
  }

  @Test func slowServersTimeOut() async throws {
    try await withLoopbackServer { base, _ in
      let checker = HTTPLinkChecker(
        settings: settings(timeout: 1), cachePath: nil, cacheRoot: "/nonexistent")
      let results = await checker.check(["\(base)/slow"])
      #expect(results["\(base)/slow"]?.ok == false)
      #expect(results["\(base)/slow"]?.error == "timed out")
    }
  }

  @Test func refusedConnectionIsBroken() async {
    let checker = HTTPLinkChecker(settings: settings(), cachePath: nil, cacheRoot: "/nonexistent")
    let results = await checker.check(["http://127.0.0.1:1/nothing"])
    #expect(results["http://127.0.0.1:1/nothing"]?.ok == false)
    #expect(results["http://127.0.0.1:1/nothing"]?.status == nil)
  }

  @Test func cacheKeepsGoodResultsUntilTheyAreTooOld() async throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = try #require(FileTree.realPath(folder.path))
    let cache = root + "/cache/links.json"
    try await withLoopbackServer { base, log in
      let checker = HTTPLinkChecker(
        settings: settings(), cachePath: "cache/links.json", cacheRoot: root)
      _ = await checker.check(["\(base)/ok", "\(base)/missing"])
      #expect(FileManager.default.fileExists(atPath: cache))
      let before = await log.total
      let again = await checker.check(["\(base)/ok", "\(base)/missing"])
      #expect(again["\(base)/ok"]?.ok == true)
      #expect(await log.total == before + 2, "only the broken link is checked again (HEAD and GET)")
      var expired = settings()
      expired.maxAgeSeconds = 0
      try await Task.sleep(for: .milliseconds(20))
      _ = await HTTPLinkChecker(
        settings: expired, cachePath: "cache/links.json", cacheRoot: root
      ).check(["\(base)/ok"])
      #expect(await log.count("HEAD /ok") == 2)
    }
  }

  @Test func aCacheFolderLinkedOutOfTheTreeIsNeitherReadNorWritten() async throws {
    let folder = try Fixtures.temporaryDirectory()
    let outside = try Fixtures.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(at: outside)
    }
    let root = try #require(FileTree.realPath(folder.path))
    try FileManager.default.createSymbolicLink(
      atPath: root + "/.docproof-cache", withDestinationPath: outside.path)
    try await withLoopbackServer { base, log in
      let checker = HTTPLinkChecker(
        settings: settings(), cachePath: ".docproof-cache/links.json", cacheRoot: root)
      _ = await checker.check(["\(base)/ok"])
      _ = await checker.check(["\(base)/ok"])
      // Nothing cached through the link: checked twice.
      #expect(await log.count("HEAD /ok") == 2)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
  }

  @Test func excludedURLsAreNotRequested() async throws {
    try await withLoopbackServer { base, log in
      var excluding = settings()
      excluding.exclude = ["/missing$"]
      let results = await HTTPLinkChecker(
        settings: excluding, cachePath: nil, cacheRoot: "/nonexistent"
      ).check([
        "\(base)/missing"
      ])
      #expect(results.isEmpty)
      #expect(await log.total == 0)
    }
  }

  @Test func ruleReportsEveryLocationOfABrokenLink() async throws {
    try await withLoopbackServer { base, _ in
      let tree = try TemporaryTree([
        "docproof.yml":
          "frontMatter:\n  required: []\nlinks:\n  external:\n    timeout: 20\n    cache: .docproof-cache/links.json\n",
        "en-us/a.md":
          "# A\n\n[good](\(base)/ok) [bad](\(base)/missing)\n\n[again](\(base)/missing)\n",
      ])
      defer { tree.remove() }
      let offline = try await check(path: tree.path)
      #expect(offline.diagnostics.isEmpty)
      let online = try await check(path: tree.path, options: CheckOptions(external: true))
      let column = "[good](\(base)/ok) ".count + 1
      #expect(
        online.findings(.externalLinkBroken) == [
          "en-us/a.md:3:\(column) external link '\(base)/missing' is broken: HTTP 404",
          "en-us/a.md:5:1 external link '\(base)/missing' is broken: HTTP 404",
        ])
      #expect(
        FileManager.default.fileExists(
          atPath: tree.url.appendingPathComponent(".docproof-cache/links.json").path))
    }
  }

  @Test func retryAfterParsing() {
    #expect(HTTPLinkChecker.retryAfter("3") == 3)
    #expect(HTTPLinkChecker.retryAfter(nil) == nil)
    #expect(
      HTTPLinkChecker.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == 0, "a past date means now")
    #expect(HTTPLinkChecker.retryAfter("soon") == nil)
  }
}
