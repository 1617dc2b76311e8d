import DocModel
import Foundation

/// A finding the generated tree must produce: rule, root-relative path, line, and in a
/// heavy tree the notes of a link, include or bookmark finding (its did-you-mean).
public struct ExpectedFinding: Sendable, Hashable, Codable, Comparable {
  public var rule: String
  public var path: String
  public var line: Int
  /// The finding's notes exactly; absent (not compared) in the default tree, which keeps
  /// the manifest it always had, and for l10n findings.
  public var notes: [String]? = nil

  public static func < (a: ExpectedFinding, b: ExpectedFinding) -> Bool {
    (a.path, a.line, a.rule) < (b.path, b.line, b.rule)
  }
}

/// What was generated and what `docproof check --no-run` must report on it, exactly.
public struct CorpusManifest: Sendable, Codable {
  public var pages: Int
  public var files: Int
  public var findings: [ExpectedFinding]
}

/// Writes a deterministic DocFX-like tree of N pages for benchmarks and scale tests:
/// `en-us/area-K/page-P.md`, each with five pivot zones whose content is an include
/// (`area-K/includes/page-P-PIVOT.md`), links across pages with bookmarks, bare `#x` links
/// inside includes that resolve on the including page, images, and a Swedish copy of every
/// tenth page with its includes (correct `ms.openlocfilehash`, English ids kept). A known
/// set is broken: links to missing pages, misspelled bookmarks, missing includes, stale
/// translations; the manifest lists the findings they must give.
///
/// With `findings: .heavy`, every page also carries one misspelling a writer makes (letters
/// swapped, dropped, doubled or capitalized), in turn: a link to a page of its folder (the
/// area's 500 pages in 10,000), an include, a link from an include to another (the area's
/// 2,500 includes), a bookmark. Thousands of findings, each with a did-you-mean that
/// compares the name with every name of its folder.
public struct CorpusGenerator: Sendable {
  /// How many defects the tree carries.
  public enum Findings: String, Sendable, CaseIterable {
    /// A few hundred in 10,000 pages: what a maintained repository has.
    case few
    /// Besides those, a misspelling on every page (see the type's comment).
    case heavy
  }

  public static let pivots = ["python", "javascript", "csharp", "java", "azcli"]
  static let languages = [
    "python": "python", "javascript": "javascript", "csharp": "csharp", "java": "java",
    "azcli": "azurecli",
  ]
  public static let areas = 20
  public static let images = 10

  public var pages: Int
  public var findings: Findings

  public init(pages: Int, findings: Findings = .few) {
    self.pages = max(1, pages)
    self.findings = findings
  }
  var heavy: Bool { findings == .heavy }

  /// Which pages carry which defect (deterministic in the page number).
  func brokenLink(_ p: Int) -> Bool { p % 97 == 3 }
  func brokenBookmark(_ p: Int) -> Bool { p % 89 == 5 }
  func missingInclude(_ p: Int) -> Bool { p % 113 == 7 }
  func translated(_ p: Int) -> Bool { p % 10 == 0 }
  func stale(_ p: Int) -> Bool { p % 101 == 10 }

  func area(_ p: Int) -> Int { p % Self.areas }
  func pagePath(_ p: Int) -> String { "area-\(area(p))/page-\(p).md" }
  func includePath(_ p: Int, _ pivot: String) -> String {
    "area-\(area(p))/includes/page-\(p)-\(pivot).md"
  }
  /// The page that page `p` links to (its intro) and that its includes link to.
  func linked(_ p: Int) -> Int { (p &* 7 &+ 1) % pages }
  func linkedFromInclude(_ p: Int, _ k: Int) -> Int { (p &* 13 &+ k &* 3 &+ 2) % pages }
  /// The page whose files page `p` misspells in a heavy tree: one in the same area (whose
  /// translation exists when page `p`'s does: both are in area 0 or 10).
  func sibling(_ p: Int) -> Int { p + Self.areas < pages ? p + Self.areas : p }
  /// In a heavy tree, what page `p` misspells: 0 a page, 1 an include, 2 an include in a
  /// link from an include, 3 a bookmark (every one on some translated page too).
  func misspelling(_ p: Int) -> Int { (p + p / 10) % 4 }

  /// `word` misspelled the way `variant` (0 to 3) says: its second and third letters
  /// swapped, its second letter dropped, capitalized, its second letter doubled. A file
  /// named with the misspelled word is nearer the one named with `word` than any other in
  /// the generated tree (the others differ in a number or in a word of 4+ letters), so
  /// that file is the did-you-mean.
  static func misspelled(_ word: String, _ variant: Int) -> String {
    var letters = Array(word)
    switch variant % 4 {
    case 0: letters.swapAt(1, 2)
    case 1: letters.remove(at: 1)
    case 2: letters[0] = Character(letters[0].uppercased())
    default: letters.insert(letters[1], at: 1)
    }
    return String(letters)
  }

  /// A did-you-mean note, as the link, include and bookmark rules write it.
  static func didYouMean(_ target: String) -> [String] { ["did you mean '\(target)'?"] }

  /// Lines of a file, counting as they are written.
  struct Lines {
    var text = ""
    var count = 0
    /// Appends a line; returns its 1-based number.
    @discardableResult
    mutating func add(_ line: String) -> Int {
      text += line + "\n"
      count += 1
      return count
    }
  }

  /// Writes the tree into `directory`, which must not exist or be empty; returns the
  /// manifest, also written as `docproof-manifest.json` beside `docproof.yml`.
  public func write(to directory: URL) throws -> CorpusManifest {
    let manager = FileManager.default
    if manager.fileExists(atPath: directory.path) {
      let existing = try manager.contentsOfDirectory(atPath: directory.path)
      guard existing.isEmpty else {
        throw CocoaError(
          .fileWriteFileExists,
          userInfo: [
            NSFilePathErrorKey: directory.path,
            NSLocalizedDescriptionKey:
              "\(directory.path) is not empty: the corpus is only written into a new folder",
          ])
      }
    }
    var files = 0
    var findings: [ExpectedFinding] = []
    func write(_ relative: String, _ text: String) throws {
      let url = directory.appendingPathComponent(relative)
      try manager.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      files += 1
    }

    try write(
      "docproof.yml",
      """
      # Generated by docproof generate-corpus: \(pages) pages.
      rules:
        l10n-untranslated: off

      """)
    var groups =
      "groups:\n- id: languages\n  title: Languages\n  prompt: Choose a language\n  pivots:\n"
    for pivot in Self.pivots { groups += "  - id: \(pivot)\n    title: \(pivot.capitalized)\n" }
    try write("en-us/zone-pivot-groups.yml", groups)
    for image in 0..<Self.images {
      try write("en-us/media/diagram-\(image).png", "PNG \(image)\n")
    }

    for p in 0..<pages {
      var includes: [String: String] = [:]
      for (k, pivot) in Self.pivots.enumerated() {
        includes[pivot] = include(p, k, pivot, swedish: false).text
      }
      let page = self.page(p, swedish: false, sourceHash: nil)
      try write("en-us/" + pagePath(p), page.lines.text)
      for pivot in Self.pivots { try write("en-us/" + includePath(p, pivot), includes[pivot]!) }
      findings += page.findings.map { expected($0, "en-us/" + pagePath(p)) }
      for (k, pivot) in Self.pivots.enumerated() {
        findings += include(p, k, pivot, swedish: false).findings.map {
          expected($0, "en-us/" + includePath(p, pivot))
        }
      }
      guard translated(p) else { continue }
      let pageHash =
        stale(p)
        ? String(repeating: "0", count: 40)
        : SourceHash.openLocFileHash(of: Array(page.lines.text.utf8))
      let swedish = self.page(p, swedish: true, sourceHash: pageHash)
      try write("sv-se/" + pagePath(p), swedish.lines.text)
      findings += swedish.findings.map { expected($0, "sv-se/" + pagePath(p)) }
      for (k, pivot) in Self.pivots.enumerated() {
        let hash = SourceHash.openLocFileHash(of: Array(includes[pivot]!.utf8))
        let copy = include(p, k, pivot, swedish: true, sourceHash: hash)
        try write("sv-se/" + includePath(p, pivot), copy.text)
        findings += copy.findings.map { expected($0, "sv-se/" + includePath(p, pivot)) }
      }
    }
    findings.sort()
    let manifest = CorpusManifest(pages: pages, files: files + 1, findings: findings)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try encoder.encode(manifest).write(
      to: directory.appendingPathComponent("docproof-manifest.json"))
    return manifest
  }

  /// A finding of a file: its rule, line and notes (`nil` for l10n findings).
  typealias Finding = (rule: String, line: Int, notes: [String]?)

  /// The manifest's entry for a finding of the file at `path`: with its notes in a heavy
  /// tree only.
  func expected(_ finding: Finding, _ path: String) -> ExpectedFinding {
    ExpectedFinding(
      rule: finding.rule, path: path, line: finding.line, notes: heavy ? finding.notes : nil)
  }

  /// A page: its lines and the findings it must give.
  func page(_ p: Int, swedish: Bool, sourceHash: String?) -> (
    lines: Lines, findings: [Finding]
  ) {
    var lines = Lines()
    var findings: [Finding] = []
    let title = swedish ? "Sida \(p)" : "Page \(p)"
    lines.add("---")
    lines.add("title: \(title)")
    lines.add("description: \(swedish ? "Genererad sida" : "Generated page") \(p).")
    lines.add("ms.date: 01/15/2026")
    lines.add("ms.topic: conceptual")
    lines.add("zone_pivot_groups: languages")
    if swedish, let sourceHash {
      let line = lines.add("ms.openlocfilehash: \(sourceHash)")
      if stale(p) { findings.append(("l10n-stale", line, nil)) }
      lines.add("ms.translationtype: MT")
      lines.add("ms.contentlocale: sv-SE")
    }
    lines.add("---")
    lines.add(swedish ? "# <a name=\"page-\(p)\"></a>\(title)" : "# \(title)")
    lines.add("")
    let q = linked(p)
    let target = "../area-\(area(q))/page-\(q).md#overview"
    let intro = swedish ? "Läs först [sida \(q)](\(target))." : "Start with [page \(q)](\(target))."
    lines.add(intro)
    if brokenLink(p) {
      lines.add("")
      let line = lines.add(
        swedish
          ? "Se även [det gamla](old/page-\(p).md)." : "See also [the old one](old/page-\(p).md).")
      // Its folder does not exist: nothing to suggest.
      findings.append(("file-not-found", line, []))
    }
    if missingInclude(p) {
      lines.add("")
      let line = lines.add("[!INCLUDE [Extra](includes/extra-\(p).md)]")
      // No include is named like it.
      findings.append(("include-not-found", line, []))
    }
    if heavy && misspelling(p) == 0 {
      // A page of the same folder.
      let s = sibling(p)
      let link = Self.misspelled("page", p / 4) + "-\(s).md"
      lines.add("")
      let line = lines.add(
        swedish ? "Jämför med [sida \(s)](\(link))." : "Compare with [page \(s)](\(link)).")
      findings.append(("file-not-found", line, Self.didYouMean("page-\(s).md")))
    }
    if heavy && misspelling(p) == 1 {
      // One of the page's own includes, outside the zones.
      let pivot = Self.pivots[p % Self.pivots.count]
      let misspelled = "includes/page-\(p)-\(Self.misspelled(pivot, p / 4)).md"
      lines.add("")
      let line = lines.add("[!INCLUDE [\(swedish ? "Mer" : "More")](\(misspelled))]")
      findings.append(
        ("include-not-found", line, Self.didYouMean("includes/page-\(p)-\(pivot).md")))
    }
    lines.add("")
    lines.add(swedish ? "## <a name=\"overview\"></a>Översikt" : "## Overview")
    lines.add("")
    lines.add(
      (swedish ? "Bilden visar flödet: " : "The diagram shows the flow: ")
        + "![\(swedish ? "Diagram" : "Diagram")](../media/diagram-\(p % Self.images).png)")
    for pivot in Self.pivots {
      lines.add("")
      lines.add("::: zone pivot=\"\(pivot)\"")
      lines.add("[!INCLUDE [\(pivot)](includes/page-\(p)-\(pivot).md)]")
      lines.add("::: zone-end")
    }
    lines.add("")
    lines.add(swedish ? "## <a name=\"next-steps\"></a>Nästa steg" : "## Next steps")
    lines.add("")
    lines.add(
      swedish
        ? "Gå tillbaka till [översikten](#overview)." : "Go back to [the overview](#overview).")
    return (lines, findings)
  }

  /// An include: its text and the findings it must give.
  func include(_ p: Int, _ k: Int, _ pivot: String, swedish: Bool, sourceHash: String? = nil)
    -> (text: String, findings: [Finding])
  {
    var lines = Lines()
    var findings: [Finding] = []
    if swedish, let sourceHash {
      lines.add("---")
      lines.add("ms.openlocfilehash: \(sourceHash)")
      lines.add("ms.contentlocale: sv-SE")
      lines.add("---")
    }
    lines.add(swedish ? "Installera för \(pivot):" : "Install for \(pivot):")
    lines.add("")
    lines.add("```\(Self.languages[pivot]!)")
    lines.add("echo page \(p) \(pivot)")
    lines.add("```")
    lines.add("")
    let bookmark = brokenBookmark(p) && k == 0 ? "overviw" : "overview"
    let line = lines.add(
      (swedish ? "Läs [översikten](#\(bookmark)) och " : "Read [the overview](#\(bookmark)) and ")
        + (swedish ? "[nästa steg](#next-steps)." : "[next steps](#next-steps)."))
    if bookmark != "overview" {
      findings.append(("bookmark-not-found", line, Self.didYouMean("#overview")))
    }
    let r = linkedFromInclude(p, k)
    lines.add("")
    lines.add(
      (swedish ? "Se [sida \(r)]" : "See [page \(r)]")
        + "(../../area-\(area(r))/page-\(r).md#next-steps).")
    if heavy && misspelling(p) == 2 && k == p % Self.pivots.count {
      // An include of another page of the area, in the same folder.
      let s = sibling(p)
      let other = Self.pivots[(k + 1) % Self.pivots.count]
      let link = "page-\(s)-\(Self.misspelled(other, p / 4)).md"
      lines.add("")
      let line = lines.add(
        (swedish ? "Se även [\(other)-stegen]" : "See also [the \(other) steps]") + "(\(link)).")
      findings.append(("file-not-found", line, Self.didYouMean("page-\(s)-\(other).md")))
    }
    if heavy && misspelling(p) == 3 && k == p % Self.pivots.count {
      // A bookmark of the page that shows this include.
      lines.add("")
      let line = lines.add(
        (swedish ? "Gå vidare till [nästa steg]" : "Go on to [the next steps]")
          + "(../page-\(p).md#next-step).")
      findings.append(("bookmark-not-found", line, Self.didYouMean("#next-steps")))
    }
    return (lines.text, findings)
  }
}
