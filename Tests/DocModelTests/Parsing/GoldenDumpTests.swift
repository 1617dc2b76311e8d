import DocModel
import Foundation
import TestSupport
import Testing

/// Every fixture page's full dump, against its golden `.dump.json` beside it.
@Suite struct GoldenDumpTests {
  static let pages: [String] = {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("pages").path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.sorted()
  }()

  @Test(arguments: pages)
  func dumpMatchesGolden(_ name: String) throws {
    let page = try fixture(name)
    let golden = Fixtures.url("pages/\(name.dropLast(3)).dump.json")
    Golden.check(try page.dumpJSON(), against: golden)
  }

  @Test func everyFixtureHasAGolden() throws {
    #expect(Self.pages.count >= 18)
  }
}
