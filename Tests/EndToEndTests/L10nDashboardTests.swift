import Foundation
import TestSupport
import Testing

/// Whether a headless Chromium is here: always required in CI (`make test` installs
/// Debian's `chromium`), optional on a developer's machine.
private let chromium = "/usr/bin/chromium"
private let browserAvailable =
  FileManager.default.isExecutableFile(atPath: chromium)
  || ProcessInfo.processInfo.environment["CI"] != nil

/// The `docproof l10n --format html` dashboard, rendered by a real browser (headless
/// Chromium): assertions are on the DOM after the page's own script ran.
@Suite(.enabled(if: browserAvailable, "no /usr/bin/chromium (make test installs it)"))
struct L10nDashboardTests {
  let sites = Fixtures.url("sites")

  /// Writes the fixture's dashboard into a fresh folder; returns the folder and the file.
  func dashboard() async throws -> (URL, URL) {
    let folder = try Fixtures.temporaryDirectory("docproof-html")
    let output = folder.appendingPathComponent("l10n.html")
    let result = try await BinaryRunner.docproof(
      ["l10n", "l10n", "--format", "html", "--output", output.path], in: sites)
    #expect(result.status == 1)
    return (folder, output)
  }

  /// The DOM Chromium ends up with for `url`.
  func renderedDOM(_ url: String, profile: URL) async throws -> String {
    let result = try await BinaryRunner.run(
      path: chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--dump-dom", url,
      ])
    try #require(result.status == 0, "chromium failed: \(result.stderr.suffix(2000))")
    return result.stdout
  }

  @Test func theMatrixAndTheDrillDownRender() async throws {
    let (folder, output) = try await dashboard()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = try String(contentsOf: output, encoding: .utf8)
    // The drill-down of sv-se/includes/python.md, opened by the page's script from the URL.
    let anchor = try #require(
      html.firstMatch(
        of: /<details id="(f\d+)" class="file" data-path="sv-se\/includes\/python.md"/)
    ).1
    let dom = try await renderedDOM(
      output.absoluteString + "#" + anchor, profile: folder.appendingPathComponent("profile"))

    // The matrix: one row per file, one cell per locale, colored by status.
    func cell(_ file: String, _ locale: String) -> String? {
      guard let row = dom.firstMatch(of: try! Regex("<tr><th scope=\"row\">\(file)</th>(.*?)</tr>"))
      else { return nil }
      let cells = String(row.output[1].substring ?? "")
      return cells.firstMatch(of: try! Regex("data-locale=\"\(locale)\" data-status=\"([a-z]+)\""))
        .map { String($0.output[1].substring ?? "") }
    }
    #expect(cell("concepts.md", "sv-se") == "stale")
    #expect(cell("concepts.md", "de-de") == "untranslated")
    #expect(cell("guide.md", "sv-se") == "current")
    #expect(cell("guide.md", "de-de") == "current")
    #expect(cell("includes/python.md", "sv-se") == "drifted")
    #expect(cell("old.md", "sv-se") == "orphan")
    #expect(cell("old.md", "de-de") == nil, "no de-de file and no en-us source: an empty cell")
    #expect(
      dom.contains(
        "class=\"status status-stale\" data-locale=\"sv-se\" data-status=\"stale\"><a href=\"#f"))

    // Summary counts per locale.
    #expect(
      dom.contains(
        "<tr data-locale=\"sv-se\"><th scope=\"row\">sv-se</th><td class=\"count\" data-status=\"current\">1</td><td class=\"count\" data-status=\"stale\">1</td><td class=\"count\" data-status=\"drifted\">1</td><td class=\"count\" data-status=\"unverified\">0</td><td class=\"count\" data-status=\"untranslated\">2</td><td class=\"count\" data-status=\"orphan\">1</td>"
      ))

    // Only the targeted drill-down is open, and it shows both structures side by side.
    let open = dom.matches(of: /<details id="f\d+"[^>]*open=""/)
    #expect(open.count == 1)
    #expect(
      dom.contains(
        "<details id=\"\(anchor)\" class=\"file\" data-path=\"sv-se/includes/python.md\" data-status=\"drifted\" open=\"\">"
      ))
    #expect(dom.contains("<th>en-us/includes/python.md</th><th>sv-se/includes/python.md</th>"))
    #expect(dom.contains("<tr class=\"row-changed\" data-aspect=\"code blocks\">"))
    #expect(
      dom.contains(
        "first difference on line 1 of the block: 'pip install meddelanden' instead of 'pip install messaging'"
      ))
  }

  /// Self-contained: nothing is fetched, and the statuses really are told apart by color.
  @Test func nothingIsLoadedAndStatusesHaveDistinctColors() async throws {
    let (folder, output) = try await dashboard()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = try String(contentsOf: output, encoding: .utf8)
    #expect(!html.contains("src="))
    #expect(!html.contains("<link"))
    #expect(!html.contains("href=\"http"))
    #expect(html.contains("default-src 'none'"))

    // A probe, allowed by a test-only policy, reads what the browser computed.
    let policy = try #require(
      html.firstMatch(of: /<meta http-equiv="Content-Security-Policy"[^>]*>/))
    let probe = """
      <pre id="probe"></pre><script>
      var colors = {};
      document.querySelectorAll('table.matrix td[data-status]').forEach(function (td) {
        colors[td.dataset.status] = getComputedStyle(td).backgroundColor; });
      document.getElementById('probe').textContent = JSON.stringify({colors: colors,
        resources: performance.getEntriesByType('resource').length});
      </script>
      """
    let probed = html.replacingCharacters(
      in: policy.range,
      with:
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
    ).replacingOccurrences(of: "</body>", with: probe + "</body>")
    let probedFile = folder.appendingPathComponent("probed.html")
    try Data(probed.utf8).write(to: probedFile)
    let dom = try await renderedDOM(
      probedFile.absoluteString, profile: folder.appendingPathComponent("profile"))
    let json = try #require(dom.firstMatch(of: /<pre id="probe">(.*?)<\/pre>/)).1
    let result = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(result["resources"] as? Int == 0)
    let colors = try #require(result["colors"] as? [String: String])
    #expect(Set(colors.keys) == ["current", "stale", "drifted", "untranslated", "orphan"])
    #expect(Set(colors.values).count == colors.count, "each status has its own color: \(colors)")
    #expect(colors["stale"] == "rgb(255, 216, 211)")
    #expect(colors["current"] == "rgb(218, 251, 225)")
  }

  /// Paths and text from the tree are escaped, never markup.
  @Test func markupInFileNamesIsEscaped() async throws {
    let tree = try TemporaryTree([
      "en-us/a<b>&c.md": "# A\n\n```html\n<p>hi</p>\n```\n",
      "sv-se/a<b>&c.md": "# A\n\n```html\n<script>alert(1)</script>\n```\n",
    ])
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["l10n", tree.path, "--format", "html"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("<th scope=\"row\">a&lt;b&gt;&amp;c.md</th>"))
    #expect(
      result.stdout.contains(
        "&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; instead of &#39;&lt;p&gt;hi&lt;/p&gt;&#39;"
      ))
    #expect(!result.stdout.contains("a<b>"))
    #expect(
      result.stdout.components(separatedBy: "<script").count == 2, "only the page's own script")
  }
}
