import Checks
import DocModel
import TestSupport
import Testing

@Suite struct FileLinkTests {
  @Test func imagesLightboxesDivLinksAndSnippets() async throws {
    let result = try await check([
      "en-us/page.md": """
      # P

      ![a](media/a.png)
      :::image type="content" source="media/b.png" alt-text="B." lightbox="media/b-big.png":::

      > [!div class="nextstepaction"]
      > [Next](next.md)

      :::code language="python" source="code/app.py":::
      [!code-csharp[](code/Program.cs)]
      """,
      "en-us/media/a.png": "png", "en-us/media/b.png": "png",
      "en-us/code/app.py": "print()\n",
    ])
    #expect(
      result.findings(.fileNotFound).map {
        $0.components(separatedBy: " ").prefix(3).joined(separator: " ")
      } == [
        "en-us/page.md:4:1 lightbox target", "en-us/page.md:7:3 link target",
      ])
    #expect(result.findings(.codesnippetNotFound).count == 1)
  }

  @Test func siteAbsoluteLinksThroughConfiguredRoots() async throws {
    let result = try await check([
      "docproof.yml": "links:\n  siteRoots:\n    /azure/: en-us\n",
      "en-us/page.md": "# P\n\n[ok](/azure/other) [bad](/azure/missing) [unmapped](/dotnet/x)\n",
      "en-us/other.md": "# Other\n",
    ])
    #expect(result.findings(.fileNotFound).count == 1)
    #expect(result.findings(.fileNotFound).first?.contains("/azure/missing") == true)
  }

  @Test func linkToAFolder() async throws {
    let result = try await check([
      "en-us/page.md": "# P\n\n[folder](media/) [indexed](guide/)\n",
      "en-us/media/a.png": "png",
      "en-us/guide/index.md": "# Guide\n",
    ])
    #expect(result.findings(.fileNotFound).count == 1)
    #expect(
      result.all(.fileNotFound).first?.message.contains("is a folder without index.md") == true)
  }

  @Test func didYouMeanForMissingFiles() async throws {
    let result = try await check([
      "en-us/page.md": "# P\n\n[typo](concept/identity-modle.md)\n",
      "en-us/concept/identity-model.md": "# I\n",
    ])
    #expect(result.all(.fileNotFound).first?.notes == ["did you mean 'concept/identity-model.md'?"])
  }

  @Test func tenThousandBrokenLinksAreTenThousandFindings() async throws {
    let links = (0..<10_000).map { "[l\($0)](missing-\($0).md)" }.joined(separator: "\n")
    let result = try await check(["en-us/page.md": "# P\n\n" + links + "\n"])
    #expect(result.all(.fileNotFound).count == 10_000)
  }

  @Test func localizedLinksFallBackToTheSourcePage() async throws {
    let result = try await check([
      "en-us/a.md": "# A\n", "en-us/b.md": "# B\n\n## Only in English\n",
      "sv-se/a.md": "# A\n\n[b](b.md#only-in-english)\n",
    ])
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
  }

  @Test func externalLinksAreSkippedOffline() async throws {
    let result = try await check(["en-us/a.md": "# A\n\n[x](https://localhost:1/nothing)\n"])
    #expect(result.diagnostics.isEmpty)
  }
}
