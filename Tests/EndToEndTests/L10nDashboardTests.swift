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
        "<details id=\"\(anchor)\" class=\"file\" data-path=\"sv-se/includes/python.md\" data-status=\"drifted\" data-locale=\"sv-se\" open=\"\">"
      ))
    #expect(dom.contains("<th>en-us/includes/python.md</th><th>sv-se/includes/python.md</th>"))
    #expect(dom.contains("<tr class=\"row-changed\" data-aspect=\"code blocks\">"))
    #expect(
      dom.contains(
        "first difference on line 1 of the block: 'pip install meddelanden' instead of 'pip install messaging'"
      ))
  }

  /// The triage order: files with stale or drifted translations first, then the rest in
  /// natural order; files no locale translates folded by folder; the tree's name as title.
  @Test func triageOrderFoldsAndTitle() async throws {
    let (folder, output) = try await dashboard()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dom = try await renderedDOM(
      output.absoluteString, profile: folder.appendingPathComponent("profile"))
    let rows = dom.matches(of: /<tr><th scope="row">([^<]+)<\/th>/).map { String($0.output.1) }
    #expect(
      rows
        == [
          "concepts.md", "includes/python.md", "old.md", "guide.md", "faq.md",
          "includes/javascript.md",
        ].filter { rows.contains($0) })
    #expect(rows.prefix(2) == ["concepts.md", "includes/python.md"], "stale, then drifted")
    #expect(dom.contains("<title>Localization of l10n · docproof</title>"))
    #expect(dom.contains("<h1>Localization of l10n</h1>"))
  }

  @Test func naturalOrderAndFoldedUntranslatedFolders() async throws {
    var files: [String: String] = ["docproof.yml": "frontMatter:\n  required: []\n"]
    for page in [1, 2, 10] {
      files["en-us/page-\(page).md"] = "# P\n"
      files["sv-se/page-\(page).md"] = "# P\n"
    }
    for name in ["a", "b"] { files["en-us/reference/\(name).md"] = "# R\n" }
    let tree = try TemporaryTree(files)
    defer { tree.remove() }
    let result = try await BinaryRunner.docproof(["l10n", tree.path, "--format", "html"])
    let rows = result.stdout.matches(of: /<tr><th scope="row">([^<]+)<\/th>/).map {
      String($0.output.1)
    }
    #expect(rows == ["page-1.md", "page-2.md", "page-10.md"])
    #expect(
      result.stdout.contains(
        "<tr class=\"folder\" data-statuses=\"untranslated\"><th scope=\"row\" colspan=\"2\"><details><summary>reference/: 2 files not translated</summary><ul><li>a.md</li><li>b.md</li></ul></details></th></tr>"
      ))
  }

  /// The filters hide rows, columns and drill-downs: driven the way a reader drives them,
  /// by unchecking boxes, in a real browser.
  @Test func filtersByStatusAndLocale() async throws {
    let (folder, output) = try await dashboard()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = try String(contentsOf: output, encoding: .utf8)
    // The page's own script runs (allowed by its hash); the probe after it unchecks boxes.
    let probe = """
      <pre id="probe"></pre><script>
      function uncheck(name, value) { var box = document.querySelector('input[name="' + name + '"][value="' + value + '"]');
        box.checked = false; box.dispatchEvent(new Event('change')); }
      uncheck('status', 'current'); uncheck('status', 'untranslated'); uncheck('locale', 'de-de');
      var rows = []; document.querySelectorAll('table.matrix tbody tr').forEach(function (r) {
        if (!r.hidden) rows.push(r.querySelector('th').textContent); });
      var columns = []; document.querySelectorAll('table.matrix thead th[data-locale]').forEach(function (c) {
        if (!c.hidden) columns.push(c.dataset.locale); });
      var details = []; document.querySelectorAll('details.file').forEach(function (d) {
        if (!d.hidden) details.push(d.dataset.path); });
      document.getElementById('probe').textContent = JSON.stringify({rows: rows, columns: columns, details: details});
      </script>
      """
    let policy = try #require(
      html.firstMatch(of: /<meta http-equiv="Content-Security-Policy"[^>]*>/))
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
      try JSONSerialization.jsonObject(
        with: Data(json.replacingOccurrences(of: "&quot;", with: "\"").utf8))
        as? [String: [String]])
    #expect(result["columns"] == ["sv-se"])
    #expect(result["rows"] == ["concepts.md", "includes/python.md", "old.md"])
    #expect(result["details"] == ["sv-se/concepts.md", "sv-se/includes/python.md", "sv-se/old.md"])
  }

  /// A stale translation's drill-down says how far behind it is: age, commits, diff.
  @Test func theDrillDownShowsTheSourcesHistory() async throws {
    let folder = try Fixtures.temporaryDirectory("dashboard-history")
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try await GitRepository(
      tree: try TemporaryTree(
        at: folder.appendingPathComponent("docs"),
        [
          "docproof.yml": "sourceLocale: en-us\nfrontMatter:\n  required: []\n",
          "page.md": "# Page\n\nOld text.\n",
        ]))
    let base = try await source.commitAll("First", date: "2026-05-01T09:00:00Z")
    try source.write(["page.md": "# Page\n\nNew text.\n"])
    try await source.commitAll("Reword <the> page", date: "2026-06-01T09:00:00Z")
    _ = try TemporaryTree(
      at: folder.appendingPathComponent("docs.sv-se"),
      [
        "docproof.yml": "sourceLocale: sv-se\nfrontMatter:\n  required: []\n",
        "page.md": "---\nms.sourcegitcommit: \(base)\nms.lasthandoff: 05/02/2026\n---\n# Sida\n",
      ])
    let output = folder.appendingPathComponent("l10n.html")
    let result = try await BinaryRunner.docproof(
      ["l10n", "--source", "../docs", "--format", "html", "--output", output.path],
      in: folder.appendingPathComponent("docs.sv-se"))
    #expect(result.status == 0, "\(result.stderr)")
    let anchor = try #require(
      try String(contentsOf: output, encoding: .utf8).firstMatch(of: /<details id="(f\d+)"/)
    ).1
    let dom = try await renderedDOM(
      output.absoluteString + "#" + anchor, profile: folder.appendingPathComponent("profile"))
    #expect(dom.contains("<title>Localization of docs.sv-se · docproof</title>"))
    #expect(
      dom.contains(
        "data-status=\"stale\" data-age=\"213\"><a href=\"#f1\">stale</a><span class=\"age\">213 d</span></td>"
      ))
    #expect(dom.contains("<p>Handed off on 2026-05-02, <strong>213 days ago</strong>.</p>"))
    #expect(dom.contains("2026-06-01 Reword &lt;the&gt; page</li>"))
    #expect(dom.contains("<span class=\"del\">-Old text.</span>"))
    #expect(dom.contains("<span class=\"add\">+New text.</span>"))
    #expect(dom.contains("open=\"\""))
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
