import DocModel

/// Where a localized file stands against its source.
public enum TranslationStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// The evidence says it translates the current source and its structure matches.
  case current
  /// The source changed after the translation was made.
  case stale
  /// Not known to be stale, but its structure differs from the source.
  case drifted
  /// Structure matches; there is no evidence of which source version it translates.
  case unverified
  /// The source has no translation in this locale.
  case untranslated
  /// The translation has no source.
  case orphan
}

/// One source file and its translation in one locale, with everything found about them.
///
/// Immutable once built; the fields live behind one reference: a report holds one per file of every
/// locale, and every rule that visits them would otherwise
/// retain and release each of their strings and tables per copy.
public struct LocalizedFile: Sendable, Hashable {
  private struct Fields: Sendable, Hashable {
    var pair: TranslationPair
    var staleness: Staleness?
    var comparison: [StructureAspect: [AlignedRow]]
    var contentLocale: ContentLocale?
  }

  private final class Box: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private let box: Box

  public var pair: TranslationPair { box.fields.pair }
  public var staleness: Staleness? { box.fields.staleness }
  /// Each aspect of the structure, source and translation aligned row by row (empty
  /// unless both files exist and parsed).
  public var comparison: [StructureAspect: [AlignedRow]] { box.fields.comparison }
  /// `ms.contentlocale` of the translation, when set.
  public var contentLocale: ContentLocale? { box.fields.contentLocale }

  public init(
    pair: TranslationPair, staleness: Staleness? = nil,
    comparison: [StructureAspect: [AlignedRow]] = [:], contentLocale: ContentLocale? = nil
  ) {
    box = Box(
      Fields(
        pair: pair, staleness: staleness, comparison: comparison, contentLocale: contentLocale))
  }

  public static func == (left: LocalizedFile, right: LocalizedFile) -> Bool {
    left.box === right.box || left.box.fields == right.box.fields
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(box.fields)
  }

  /// The rows that differ, aspect by aspect in a fixed order.
  public var differences: [StructureDifference] {
    StructureAspect.allCases.flatMap { aspect in
      (comparison[aspect] ?? []).filter { $0.kind != .same }.map {
        StructureDifference(aspect: aspect, row: $0)
      }
    }
  }

  public var status: TranslationStatus {
    if pair.translationPath == nil { return .untranslated }
    if pair.sourcePath == nil { return .orphan }
    if staleness?.freshness == .stale { return .stale }
    if !differences.isEmpty { return .drifted }
    if staleness?.freshness == .current { return .current }
    return .unverified
  }
}

/// An `ms.contentlocale` value and its line.
public struct ContentLocale: Sendable, Hashable {
  public var value: String
  public var line: Int

  public init(value: String, line: Int) {
    self.value = value
    self.line = line
  }

  /// The value of a page's `ms.contentlocale`, when set.
  public init?(of page: Page) {
    guard let entry = page.frontMatter.entry("ms.contentlocale"),
      let value = entry.text
    else { return nil }
    self.init(value: value.trimmingSpaces(), line: entry.line)
  }

  /// Whether it names `locale` (compared without regard to case: `sv-SE` is `sv-se`).
  public func names(_ locale: String) -> Bool { value.lowercased() == locale.lowercased() }
}
