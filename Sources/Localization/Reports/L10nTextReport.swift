import DocModel

/// `docproof l10n --format text`: one table per locale (file, status, structural
/// differences, evidence), each row followed by its findings and their notes.
public struct L10nTextReport: Sendable {
  public var root: String
  public var report: LocalizationReport
  /// The findings after configuration (severities, ignores, suppressions).
  public var diagnostics: [Diagnostic]
  /// Whether the tree is a Learn repository: one locale, its translations elsewhere.
  public var isLearnRepository = false
  /// The trees compared, when translations are repositories of their own (findings name
  /// their files relative to the reported one).
  public var sides: LocalizationSides?
  /// Whether a stale translation's note with its source's diff is shown.
  public var showDiffs = false

  public init(
    root: String, report: LocalizationReport, diagnostics: [Diagnostic],
    isLearnRepository: Bool = false, sides: LocalizationSides? = nil, showDiffs: Bool = false
  ) {
    self.showDiffs = showDiffs
    self.root = root
    self.report = report
    self.diagnostics = diagnostics
    self.isLearnRepository = isLearnRepository
    self.sides = sides
  }

  public func render() -> String {
    var out = ""
    if report.locales.isEmpty, sides == nil {
      out +=
        isLearnRepository
        ? "\(root) is a Learn repository of one locale (\(report.sourceLocale)): its translations "
          + "are repositories of their own, so there is nothing to compare in it\n"
        : "\(root): no localized locale to compare with \(report.sourceLocale)\n"
    }
    let byPath = Dictionary(grouping: diagnostics, by: \.path)
    var shown: Set<String> = []
    for locale in report.locales {
      let files = report.files(of: locale)
      out += "\(locale): " + Self.counts(files) + "\n\n"
      let width = max(4, files.map { $0.pair.relativePath.count }.max() ?? 0)
      out += "  " + "FILE".padding(width) + "  " + "STATUS".padding(12) + "  DIFFS  EVIDENCE\n"
      for file in files {
        let differences = file.differences.count
        out +=
          "  " + file.pair.relativePath.padding(width) + "  "
          + file.status.rawValue.padding(12) + "  "
          + (differences == 0 ? "-" : String(differences)).padding(5) + "  "
          + Self.evidence(
            file, locale: locale, sourceLocale: report.sourceLocale,
            acrossRepositories: sides != nil) + "\n"
        guard var path = file.pair.translationPath else { continue }
        if let sides { path = sides.reportPath(translation: path, locale: locale) }
        shown.insert(path)
        for diagnostic in byPath[path] ?? [] {
          out += Self.finding(diagnostic, showDiffs: showDiffs)
        }
      }
      out += "\n"
    }
    let others = diagnostics.filter {
      !shown.contains($0.path) && $0.rule != .l10nUntranslated
    }
    if !others.isEmpty {
      out += "other findings:\n"
      for diagnostic in others { out += "  \(diagnostic.path)\n" + Self.finding(diagnostic) }
      out += "\n"
    }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    out +=
      "docproof: \(report.files.filter { $0.pair.translationPath != nil }.count) translated files in \(report.locales.count) locale\(report.locales.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    return out
  }

  static func finding(_ diagnostic: Diagnostic, showDiffs: Bool = true) -> String {
    var out =
      "      \(diagnostic.severity.rawValue)[\(diagnostic.rule)] line \(diagnostic.line): \(diagnostic.message)\n"
    for note in diagnostic.notes {
      if !showDiffs, note.hasPrefix(L10nStale.diffNotePrefix) { continue }
      let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
      out += "        · \(lines[0])\n"
      for line in lines.dropFirst() { out += "          \(line)\n" }
    }
    return out
  }

  /// `3 translated of 10 source files: 1 stale, 2 current, 7 untranslated`.
  static func counts(_ files: [LocalizedFile]) -> String {
    let translated = files.filter { $0.pair.translationPath != nil }.count
    let sources = files.filter { $0.pair.sourcePath != nil }.count
    let parts = TranslationStatus.allCases.compactMap { status -> String? in
      let count = files.filter { $0.status == status }.count
      return count == 0 ? nil : "\(count) \(status.rawValue)"
    }
    return "\(translated) translated of \(sources) source file\(sources == 1 ? "" : "s"): "
      + parts.joined(separator: ", ")
  }

  static func evidence(
    _ file: LocalizedFile, locale: String, sourceLocale: String, acrossRepositories: Bool = false
  ) -> String {
    switch file.status {
    case .untranslated where acrossRepositories: return "no \(locale) file publishes its URL"
    case .orphan where acrossRepositories: return "no \(sourceLocale) file publishes its URL"
    case .untranslated: return "no \(locale)/\(file.pair.relativePath)"
    case .orphan: return "no \(sourceLocale)/\(file.pair.relativePath)"
    default: return file.staleness?.explanation ?? "the file could not be parsed"
    }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
