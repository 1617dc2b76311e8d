import CheckPipeline
import Checks
import DocModel
import DocSite
import TestSupport
import Testing

/// `--shard I/N`: every finding in exactly one shard; together, one run's findings.
@Suite struct ShardTests {
  @Test func parsesOnlyValidShards() {
    #expect(Shard("2/4")?.index == 2)
    #expect(Shard("2/4")?.count == 4)
    #expect(Shard("1/1") != nil)
    for invalid in ["0/4", "5/4", "4", "1/0", "a/b", "1/2/3", "", "-1/2", "１/2"] {
      #expect(Shard(invalid) == nil, "\(invalid)")
    }
  }

  @Test func everyPathBelongsToExactlyOneShardAndTheSplitIsStable() {
    let paths = (0..<500).map { "en-us/section-\($0 % 7)/page-\($0).md" }
    for count in 1...5 {
      let shards = (1...count).map { Shard("\($0)/\(count)")! }
      for path in paths {
        #expect(shards.filter { $0.owns(path) }.count == 1)
      }
      if count > 1 {
        // Roughly even: no shard is empty or holds everything.
        for shard in shards {
          let owned = paths.filter(shard.owns).count
          #expect(owned > 500 / count / 2 && owned < 500 * 2 / count, "\(shard): \(owned)")
        }
      }
    }
    // Fixed values: the partition must not change between versions or machines.
    #expect(
      Shard("1/3")!.owns("en-us/index.md") == (StableHash.fnv1a("en-us/index.md".utf8) % 3 == 0))
  }

  @Test func shardsTogetherReportExactlyWhatOneRunReports() async throws {
    var files: [String: String] = ["en-us/zone-pivot-groups.yml": "groups: []\n"]
    for index in 0..<40 {
      files["en-us/page-\(index).md"] =
        "---\ntitle: P\n---\n# P\n\n[next](page-\(index + 1).md#top) [bad](missing-\(index).md)\n"
      files["sv-se/page-\(index).md"] = "# P\n\n[x](#nowhere-\(index))\n"
    }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    let site = try await Site.load(root: tree.path, knownRules: RuleRegistry.knownIDs)
    let full = await Checker.run(site, rules: RuleRegistry.structural, options: CheckOptions())
      .diagnostics
    #expect(full.count > 80)
    for count in [2, 3, 7] {
      var union: [Diagnostic] = []
      var files = 0
      for index in 1...count {
        let result = await Checker.run(
          site, rules: RuleRegistry.structural,
          options: CheckOptions(shard: Shard("\(index)/\(count)")))
        union += result.diagnostics
        files += result.filesChecked
      }
      #expect(union.count == full.count, "no finding twice")
      #expect(Set(union) == Set(full))
      #expect(files == site.files.count)
    }
  }
}
