import Checks
import DocModel
import Foundation
import TestSupport
import Testing

/// `check` on the real Learn snapshot in `../shared/corpora/azure-docs-acs`. The expected
/// findings below were established by reading the files and SOURCE.md's list of known
/// inconsistencies, not by recording the tool's output.
@Suite struct CorpusCheckTests {
  static let root = Fixtures.corpora.appendingPathComponent("azure-docs-acs").path

  @Test func zeroConfigurationRunFindsExactlyTheKnownProblems() async throws {
    let result = try await check(path: Self.root)
    let counts = Dictionary(grouping: result.diagnostics, by: \.rule).mapValues(\.count)
    #expect(
      counts == [
        .fileNotFound: 98, .includeNotFound: 4, .includeFallback: 4, .pivotGroupNotFound: 2,
        .frontMatterInvalid: 1,
      ])
    #expect(result.filesChecked == 27, "28 .md files, minus SOURCE.md outside the locales")

    // Includes: the two quickstart targets that do not exist under those names (the
    // folder has access-token-azcli.md and the typo ccess-token-azportal.md), and the
    // preview include that was not collected, in English and Swedish.
    #expect(
      result.all(.includeNotFound).map { "\($0.path):\($0.line)" } == [
        "en-us/communication-services/concepts/identity-model.md:126",
        "en-us/communication-services/quickstarts/access-tokens.md:24",
        "en-us/communication-services/quickstarts/access-tokens.md:43",
        "sv-se/communication-services/quickstarts/create-communication-resource.md:22",
      ])
    #expect(
      result.all(.includeNotFound).map(\.notes) == [
        [], ["did you mean 'includes/access-tokens/access-token-azcli.md'?"],
        ["did you mean 'includes/access-tokens/ccess-token-azportal.md'?"], [],
      ])

    // The Swedish resource page includes four create-resource includes that exist only in
    // English: DocFX falls back to them.
    #expect(
      result.all(.includeFallback).map(\.line) == [31, 35, 39, 43])
    #expect(result.all(.includeFallback).allSatisfy { $0.severity == .info })

    // Pivot groups missing from the same locale's zone-pivot-groups.yml (version skew).
    #expect(
      result.all(.pivotGroupNotFound).map(\.message) == [
        "pivot group 'acs-azcli-js-csharp-java-python-portal-nocode' is not defined in en-us/zone-pivot-groups.yml",
        "pivot group 'acs-plat-azp-azcli-net-ps' is not defined in sv-se/zone-pivot-groups.yml",
      ])

    // The repeated ms.custom key in ccess-token-azportal.md's front matter.
    #expect(
      result.findings(.frontMatterInvalid) == [
        "en-us/communication-services/quickstarts/includes/access-tokens/ccess-token-azportal.md:13:1 front matter key 'ms.custom' is repeated; the first value (line 11) is used"
      ])
  }

  @Test func relativeLinksSourceMDListsAsBroken() async throws {
    let result = try await check(path: Self.root)
    let broken = Set(result.all(.fileNotFound).map { "\($0.path):\($0.line)" })
    let base = "en-us/communication-services/"
    for location in [
      // One level too shallow inside includes/access-tokens/.
      base + "quickstarts/includes/access-tokens/access-token-nocode.md:19",
      base + "quickstarts/includes/access-tokens/ccess-token-azportal.md:18",
      base + "quickstarts/includes/access-tokens/ccess-token-azportal.md:37",
      // ../concepts from quickstarts/includes/ resolves to quickstarts/concepts/.
      base + "quickstarts/includes/user-access-token-python.md:79",
      // No .md and not in the snapshot.
      base + "concepts/client-and-server-architecture.md:83",
      // The newer location of the quickstart.
      base + "concepts/identity-model.md:175",
    ] {
      #expect(broken.contains(location), "\(location)")
    }
  }

  @Test func nothingIsReportedAboutLinksThatResolve() async throws {
    let result = try await check(path: Self.root)
    // The Python include links to create-communication-resource.md#store-your-connection-string,
    // which exists; the Swedish includes keep the English ids with <a name>.
    #expect(result.all(.bookmarkNotFound).isEmpty)
    #expect(!result.diagnostics.contains { $0.message.contains("store-your-connection-string") })
  }
}
