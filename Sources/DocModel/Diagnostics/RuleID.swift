/// The stable identifier of a rule, as it appears in every report and in configuration.
///
/// Where DocFX's build has a code for the same problem, the id is DocFX's, so that writers
/// see the names they already know.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension RuleID {
  // DocFX's own codes.
  public static let invalidZone: RuleID = "invalid-zone"
  public static let zonePivotGroupMissing: RuleID = "zone-pivot-group-missing"
  public static let pivotGroupNotFound: RuleID = "pivot-group-not-found"
  public static let pivotIdNotFound: RuleID = "pivot-id-not-found"
  public static let pivotIdUnused: RuleID = "pivot-id-unused"
  public static let duplicatePivotGroups: RuleID = "duplicate-pivot-groups"
  public static let duplicatePivotIds: RuleID = "duplicate-pivot-ids"
  public static let includeNotFound: RuleID = "include-not-found"
  public static let includeInvalid: RuleID = "include-invalid"
  public static let circularReference: RuleID = "circular-reference"
  public static let fileNotFound: RuleID = "file-not-found"
  public static let bookmarkNotFound: RuleID = "bookmark-not-found"
  public static let codesnippetNotFound: RuleID = "codesnippet-not-found"
  public static let invalidImage: RuleID = "invalid-image"
  public static let invalidCode: RuleID = "invalid-code"
  public static let invalidVideo: RuleID = "invalid-video"
  public static let invalidNoteSection: RuleID = "invalid-note-section"
  public static let jsonSyntaxError: RuleID = "json-syntax-error"
  public static let redirectionInvalid: RuleID = "redirection-invalid"
  public static let redirectedFileNotRemoved: RuleID = "redirected-file-not-removed"
  public static let invalidMonikerRange: RuleID = "invalid-moniker-range"
  public static let monikerRangeInvalid: RuleID = "moniker-range-invalid"

  // docproof's own.
  public static let frontMatterInvalid: RuleID = "front-matter-invalid"
  public static let frontMatterMissingField: RuleID = "front-matter-missing-field"
  public static let pathOutsideRoot: RuleID = "path-outside-root"
  public static let externalLinkBroken: RuleID = "external-link-broken"
  public static let transcriptDrift: RuleID = "transcript-drift"
  public static let goldenStale: RuleID = "golden-stale"
  public static let goldenMissing: RuleID = "golden-missing"
  public static let referenceFailed: RuleID = "reference-failed"
  public static let snippetDrift: RuleID = "snippet-drift"
  public static let programOutputDrift: RuleID = "program-output-drift"
  public static let programNotRun: RuleID = "program-not-run"
  public static let programSyntaxError: RuleID = "program-syntax-error"
  public static let l10nStale: RuleID = "l10n-stale"
  public static let l10nStructure: RuleID = "l10n-structure"
  public static let l10nOrphan: RuleID = "l10n-orphan"
  public static let l10nUntranslated: RuleID = "l10n-untranslated"
  public static let l10nLocaleMismatch: RuleID = "l10n-locale-mismatch"
  public static let invalidEncoding: RuleID = "invalid-encoding"
  public static let codeFenceUnclosed: RuleID = "code-fence-unclosed"
  public static let zonePivotGroupsInvalid: RuleID = "zone-pivot-groups-invalid"
  public static let includeFallback: RuleID = "include-fallback"
  public static let fileUnreadable: RuleID = "file-unreadable"
  public static let fileTooLarge: RuleID = "file-too-large"
  public static let fileTooComplex: RuleID = "file-too-complex"
  public static let includeDepthExceeded: RuleID = "include-depth-exceeded"
  public static let transcriptMarkerInvalid: RuleID = "transcript-marker-invalid"
  public static let dependencyMissing: RuleID = "dependency-missing"
  public static let linkRedirected: RuleID = "link-redirected"
  public static let resultBlockInvalid: RuleID = "result-block-invalid"
  public static let codeRegionNotFound: RuleID = "code-region-not-found"
}
