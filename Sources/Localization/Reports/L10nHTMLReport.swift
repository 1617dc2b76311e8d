import Crypto
import DocModel
import DocSite
import Foundation

/// `docproof l10n --format html`: one self-contained page (no external assets; a
/// Content-Security-Policy forbids loading any): summary counts per locale, a locale ×
/// file matrix colored by status, and per translated file a drill-down with the findings
/// and the source and translation structures side by side.
public struct L10nHTMLReport: Sendable {
  public var root: String
  public var report: LocalizationReport
  /// The findings after configuration (severities, ignores, suppressions).
  public var diagnostics: [Diagnostic]

  /// What the page is about: the repository's (or tree's) name.
  public var title: String
  /// The trees compared, when translations are repositories of their own (findings name
  /// their files relative to the reported one).
  public var sides: LocalizationSides?

  public init(
    root: String, report: LocalizationReport, diagnostics: [Diagnostic], title: String? = nil,
    sides: LocalizationSides? = nil
  ) {
    self.root = root
    self.report = report
    self.diagnostics = diagnostics
    self.title = title ?? root
    self.sides = sides
  }

  /// The page's only script (allowed by its hash): opens the drill-down a link points at,
  /// and filters the matrix by status and locale (rows with none of the checked statuses in
  /// a checked locale are hidden, as are the unchecked locales' columns).
  static let script = """
    function openTarget(){var id=decodeURIComponent(location.hash.slice(1));\
    var el=id&&document.getElementById(id);if(el&&el.tagName==='DETAILS'){el.open=true;}}\
    function checked(name){return Array.prototype.map.call(document.querySelectorAll(\
    'input[name="'+name+'"]:checked'),function(i){return i.value;});}\
    function filter(){var statuses=checked('status'),locales=checked('locale');\
    document.querySelectorAll('table.matrix [data-locale]').forEach(function(cell){\
    cell.hidden=locales.indexOf(cell.dataset.locale)<0;});\
    document.querySelectorAll('table.matrix tbody tr').forEach(function(row){\
    var show=false;row.querySelectorAll('td[data-status]').forEach(function(cell){\
    if(!cell.hidden&&statuses.indexOf(cell.dataset.status)>=0){show=true;}});\
    if(row.dataset.statuses){row.dataset.statuses.split(' ').forEach(function(status){\
    if(statuses.indexOf(status)>=0){show=true;}});}row.hidden=!show;});\
    document.querySelectorAll('details.file').forEach(function(d){\
    d.hidden=statuses.indexOf(d.dataset.status)<0||locales.indexOf(d.dataset.locale)<0;});}\
    document.querySelectorAll('#filters input').forEach(function(i){\
    i.addEventListener('change',filter);});\
    window.addEventListener('hashchange',openTarget);openTarget();filter();
    """

  static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 2rem 3rem;color:#1b1f24}
    h1{font-size:1.5rem;margin:1.5rem 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
    .meta{color:#57606a;margin:0}table{border-collapse:collapse}
    th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
    thead th{background:#f6f8fa}th[scope=row]{font-weight:normal;font-family:ui-monospace,monospace;font-size:12.5px}
    td.count{text-align:right;font-variant-numeric:tabular-nums}
    .status{font-weight:600;text-align:center;white-space:nowrap}.status a{color:inherit;text-decoration:none;display:block}
    .status-current{background:#dafbe1;color:#116329}.status-stale{background:#ffd8d3;color:#a40e26}
    .status-drifted{background:#fff1c2;color:#7d4e00}.status-unverified{background:#eaeef2;color:#424a53}
    .status-untranslated{background:#f6f8fa;color:#6e7781}.status-orphan{background:#f1e2ff;color:#6639ba}
    .legend span{display:inline-block;padding:.1rem .5rem;margin-right:.4rem;border-radius:3px}
    details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
    details[open]{background:#fcfcfd}summary{cursor:pointer;font-family:ui-monospace,monospace;font-size:13px}
    summary .status{display:inline-block;padding:0 .4rem;border-radius:3px;margin-right:.5rem;font-family:system-ui,sans-serif}
    .evidence{margin:.5rem 0}.findings{margin:.25rem 0 .75rem;padding-left:1.2rem}
    .sev-error{color:#a40e26}.sev-warning{color:#7d4e00}.sev-info{color:#424a53}
    .notes{color:#1b1f24;font-size:13px}.notes li{white-space:pre-wrap}
    #filters{margin:.75rem 0}#filters fieldset{display:inline-block;border:1px solid #d0d7de;border-radius:6px;margin-right:.75rem}
    #filters label{margin-right:.6rem;white-space:nowrap}.age{display:block;font-weight:normal;font-size:11.5px}
    tr.folder th{font-family:system-ui,sans-serif}tr.folder details{border:0;margin:0;padding:0}
    tr.folder ul{columns:3;margin:.3rem 0;font-family:ui-monospace,monospace;font-size:12px}
    .behind{margin:.5rem 0}.behind ol{margin:.25rem 0;font-size:13px}
    pre.diff{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.5rem;overflow-x:auto;font-size:12px}
    pre.diff .add{color:#116329;background:#dafbe1}pre.diff .del{color:#a40e26;background:#ffebe9}pre.diff .hunk{color:#6639ba}
    table.sbs{width:100%;table-layout:fixed;font-size:12.5px}table.sbs td{font-family:ui-monospace,monospace;word-break:break-word}
    table.sbs th.aspect{width:9rem}.ln{color:#6e7781;margin-right:.5rem}
    tr.row-changed td{background:#fff8c5}tr.row-missing td.src,tr.row-extra td.tr{background:#ffebe9}
    tr.row-missing td.tr,tr.row-extra td.src{background:#f6f8fa}
    """

  public func render() -> String {
    let scriptHash = Data(SHA256.hash(data: Data(Self.script.utf8))).base64EncodedString()
    var html = """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-\(scriptHash)'">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Localization of \(escape(title)) · docproof</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <h1>Localization of \(escape(title))</h1>
      <p class="meta">Source locale \(escape(report.sourceLocale)); \
      \(report.locales.count) localized locale\(report.locales.count == 1 ? "" : "s"). Generated by docproof l10n.</p>

      """
    html += summary()
    html += filters()
    html += matrix()
    html += details()
    html += "<script>\(Self.script)</script>\n</body>\n</html>\n"
    return html
  }

  private func summary() -> String {
    var html =
      "<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Locale</th>"
    for status in TranslationStatus.allCases {
      html += "<th class=\"status status-\(status.rawValue)\">\(status.rawValue)</th>"
    }
    html += "<th>errors</th><th>warnings</th></tr></thead>\n<tbody>\n"
    for locale in report.locales {
      let files = report.files(of: locale)
      let paths = Set(files.compactMap { $0.pair.translationPath.map { reportPath($0, locale) } })
      let own = diagnostics.filter { paths.contains($0.path) }
      html += "<tr data-locale=\"\(escape(locale))\"><th scope=\"row\">\(escape(locale))</th>"
      for status in TranslationStatus.allCases {
        let count = files.filter { $0.status == status }.count
        html += "<td class=\"count\" data-status=\"\(status.rawValue)\">\(count)</td>"
      }
      html +=
        "<td class=\"count\" data-severity=\"error\">\(own.filter { $0.severity == .error }.count)</td>"
      html +=
        "<td class=\"count\" data-severity=\"warning\">\(own.filter { $0.severity == .warning }.count)</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// Checkboxes for the script's filters: every status and locale, all checked.
  private func filters() -> String {
    var html = "<form id=\"filters\"><fieldset><legend>Status</legend>"
    for status in TranslationStatus.allCases {
      html +=
        "<label><input type=\"checkbox\" name=\"status\" value=\"\(status.rawValue)\" checked> \(status.rawValue)</label>"
    }
    html += "</fieldset><fieldset><legend>Locale</legend>"
    for locale in report.locales {
      html +=
        "<label><input type=\"checkbox\" name=\"locale\" value=\"\(escape(locale))\" checked> \(escape(locale))</label>"
    }
    return html + "</fieldset></form>\n"
  }

  /// Triage order of statuses: what needs work first.
  static let rank: [TranslationStatus: Int] = [
    .stale: 0, .drifted: 1, .orphan: 2, .unverified: 3, .untranslated: 4, .current: 5,
  ]

  private func matrix() -> String {
    var html = "<h2 id=\"matrix\">Files by locale</h2>\n<p class=\"legend\">"
    for status in TranslationStatus.allCases {
      html += "<span class=\"status-\(status.rawValue)\">\(status.rawValue)</span>"
    }
    html += "</p>\n<table class=\"matrix\">\n<thead><tr><th>File</th>"
    for locale in report.locales {
      html += "<th data-locale=\"\(escape(locale))\">\(escape(locale))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    let index = anchors()
    var cells: [String: LocalizedFile] = [:]
    var rows: [String: Int] = [:]
    for file in report.files {
      cells[file.pair.locale + "\u{0}" + file.pair.relativePath] = file
      rows[file.pair.relativePath] = min(
        rows[file.pair.relativePath] ?? 99, Self.rank[file.status] ?? 99)
    }
    // Stale and drifted first, then by path in natural order (page-2 before page-10).
    let paths = rows.keys.sorted { left, right in
      let (a, b) = (rows[left]!, rows[right]!)
      return a != b ? a < b : NaturalOrder.less(left, right)
    }
    // Files no locale translates are listed by folder, folded.
    let untranslatedEverywhere = paths.filter { path in
      report.locales.allSatisfy { locale in
        cells[locale + "\u{0}" + path].map { $0.status == .untranslated } ?? true
      }
    }
    let folded = Set(untranslatedEverywhere)
    for path in paths where !folded.contains(path) {
      html += "<tr><th scope=\"row\">\(escape(path))</th>"
      for locale in report.locales {
        guard let file = cells[locale + "\u{0}" + path] else {
          html += "<td data-locale=\"\(escape(locale))\"></td>"
          continue
        }
        let status = file.status.rawValue
        let age = file.staleness?.lag?.handoffAgeDays
        var label = escape(status)
        if let anchor = index[locale + "\u{0}" + path] {
          label = "<a href=\"#\(anchor)\">\(label)</a>"
        }
        if let age { label += "<span class=\"age\">\(age) d</span>" }
        html +=
          "<td class=\"status status-\(status)\" data-locale=\"\(escape(locale))\" data-status=\"\(status)\""
          + (age.map { " data-age=\"\($0)\"" } ?? "") + ">\(label)</td>"
      }
      html += "</tr>\n"
    }
    let byFolder = Dictionary(grouping: untranslatedEverywhere) { RelativePath.directory(of: $0) }
    for folder in byFolder.keys.sorted(by: NaturalOrder.less) {
      let files = byFolder[folder]!
      html +=
        "<tr class=\"folder\" data-statuses=\"untranslated\"><th scope=\"row\" colspan=\"\(report.locales.count + 1)\"><details><summary>\(escape(folder.isEmpty ? "./" : folder + "/")): \(files.count) file\(files.count == 1 ? "" : "s") not translated</summary><ul>"
      for file in files { html += "<li>\(escape(RelativePath.fileName(of: file)))</li>" }
      html += "</ul></details></th></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// The drill-down ids of translated files: `f1`, `f2`, ... in report order.
  private func anchors() -> [String: String] {
    var index: [String: String] = [:]
    var next = 1
    for file in report.files where file.pair.translationPath != nil {
      index[file.pair.locale + "\u{0}" + file.pair.relativePath] = "f\(next)"
      next += 1
    }
    return index
  }

  private func details() -> String {
    var html = "<h2 id=\"details\">Translated files</h2>\n"
    let index = anchors()
    let byPath = Dictionary(grouping: diagnostics, by: \.path)
    let ordered = report.files.sorted { left, right in
      let (a, b) = (Self.rank[left.status] ?? 99, Self.rank[right.status] ?? 99)
      if a != b { return a < b }
      if left.pair.relativePath != right.pair.relativePath {
        return NaturalOrder.less(left.pair.relativePath, right.pair.relativePath)
      }
      return left.pair.locale < right.pair.locale
    }
    for file in ordered {
      guard let translation = file.pair.translationPath,
        let anchor = index[file.pair.locale + "\u{0}" + file.pair.relativePath]
      else { continue }
      let status = file.status.rawValue
      html +=
        "<details id=\"\(anchor)\" class=\"file\" data-path=\"\(escape(translation))\" data-status=\"\(status)\" data-locale=\"\(escape(file.pair.locale))\">\n"
      html +=
        "<summary><span class=\"status status-\(status)\">\(status)</span>\(escape(translation))</summary>\n"
      let evidence = L10nTextReport.evidence(
        file, locale: file.pair.locale, sourceLocale: report.sourceLocale,
        acrossRepositories: sides != nil)
      html += "<p class=\"evidence\">\(escape(evidence))</p>\n"
      if let lag = file.staleness?.lag { html += behind(lag) }
      let findings = (byPath[reportPath(translation, file.pair.locale)] ?? []).map { finding in
        // The drill-down shows the source's diff itself.
        var shown = finding
        shown.notes.removeAll { $0.hasPrefix(L10nStale.diffNotePrefix) }
        return shown
      }
      if !findings.isEmpty {
        html += "<ul class=\"findings\">\n"
        for finding in findings {
          html +=
            "<li class=\"sev-\(finding.severity.rawValue)\" data-rule=\"\(escape(finding.rule.rawValue))\">"
          html +=
            "<strong>\(escape(finding.rule.rawValue))</strong> line \(finding.line): \(escape(finding.message))"
          if !finding.notes.isEmpty {
            html += "<ul class=\"notes\">"
            for note in finding.notes { html += "<li>\(escape(note))</li>" }
            html += "</ul>"
          }
          html += "</li>\n"
        }
        html += "</ul>\n"
      }
      if let source = file.pair.sourcePath, !file.comparison.isEmpty {
        // Structures that match are said to, not shown: on a large tree most translations'
        // are, and their tables would make the page too heavy to open at once.
        if file.differences.isEmpty {
          let items = file.comparison.values.reduce(0) { $0 + $1.count }
          html +=
            "<p class=\"same\">The structure matches \(escape(sourceName(source))) (\(items) item\(items == 1 ? "" : "s")).</p>\n"
        } else {
          html += sideBySide(file, source: source, translation: translation)
        }
      }
      html += "</details>\n"
    }
    return html
  }

  /// How far behind a stale translation is: handoff and age, the source's commits since,
  /// and its diff.
  private func behind(_ lag: Lag) -> String {
    var html = "<div class=\"behind\">"
    if let handoff = lag.handoff, let age = lag.handoffAgeDays {
      html +=
        "<p>Handed off on \(escape(handoff)), <strong>\(age) day\(age == 1 ? "" : "s") ago</strong>.</p>"
    }
    if let missing = lag.historyMissing { html += "<p>\(escape(missing)).</p>" }
    if let history = lag.history {
      let count = history.changes.count
      html +=
        "<p>The source changed in \(count) commit\(count == 1 ? "" : "s") since the translated version (\(escape(history.foundBy))):</p><ol class=\"commits\">"
      for change in history.changes {
        html +=
          "<li><code>\(escape(String(change.id.prefix(12))))</code> \(escape(String(change.date.prefix(10)))) \(escape(change.subject))</li>"
      }
      html += "</ol>"
      if !history.diff.isEmpty {
        html += "<pre class=\"diff\">"
        for line in history.diff.split(separator: "\n", omittingEmptySubsequences: false) {
          let text = escape(String(line))
          if line.hasPrefix("+"), !line.hasPrefix("+++") {
            html += "<span class=\"add\">\(text)</span>\n"
          } else if line.hasPrefix("-"), !line.hasPrefix("---") {
            html += "<span class=\"del\">\(text)</span>\n"
          } else if line.hasPrefix("@@") {
            html += "<span class=\"hunk\">\(text)</span>\n"
          } else {
            html += text + "\n"
          }
        }
        html += "</pre>"
      }
    }
    return html + "</div>\n"
  }

  /// A source's path as the page names it.
  private func sourceName(_ path: String) -> String {
    sides.map { $0.display($0.reportPath(source: path)) } ?? path
  }

  /// A translation's path as findings name it.
  private func reportPath(_ path: String, _ locale: String) -> String {
    sides?.reportPath(translation: path, locale: locale) ?? path
  }

  private func sideBySide(_ file: LocalizedFile, source: String, translation: String) -> String {
    var html = "<table class=\"sbs\">\n<thead><tr><th class=\"aspect\"></th>"
    html +=
      "<th>\(escape(sourceName(source)))</th><th>\(escape(translation))</th></tr></thead>\n<tbody>\n"
    for aspect in StructureAspect.allCases {
      let rows = file.comparison[aspect] ?? []
      guard !rows.isEmpty else { continue }
      for (offset, row) in rows.enumerated() {
        html += "<tr class=\"row-\(row.kind.rawValue)\" data-aspect=\"\(escape(aspect.rawValue))\">"
        html +=
          offset == 0
          ? "<th class=\"aspect\" rowspan=\"\(rows.count)\">\(escape(aspect.rawValue))</th>" : ""
        html +=
          "<td class=\"src\">\(cell(row.source))</td><td class=\"tr\">\(cell(row.translation))</td></tr>\n"
      }
    }
    return html + "</tbody>\n</table>\n"
  }

  private func cell(_ item: StructureItem?) -> String {
    guard let item else { return "" }
    return "<span class=\"ln\">\(item.line)</span>\(escape(item.label))"
  }

  private func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
