import Checks
import DocModel
import DocSite
import Localization
import Transcripts

/// Every rule docproof reports, in one place: `docproof rules`, the reports' rule
/// descriptions, the rule names docproof.yml accepts and the rules each stage runs all
/// come from this list.
public enum RuleRegistry {
  public static let all: [any RuleDefinition.Type] = [
    // The file itself.
    InvalidEncoding.self, FileUnreadable.self, FileTooLarge.self, FileTooComplex.self,
    // Front matter.
    FrontMatterInvalid.self, FrontMatterMissingField.self,
    // DocFX markup.
    InvalidZone.self, InvalidImage.self, InvalidCode.self, InvalidVideo.self,
    InvalidNoteSection.self, CodeFenceUnclosed.self, InvalidMonikerRange.self,
    // Pivots.
    ZonePivotGroupsInvalid.self, ZonePivotGroupMissing.self, PivotGroupNotFound.self,
    PivotIdNotFound.self, PivotIdUnused.self, DuplicatePivotGroups.self, DuplicatePivotIds.self,
    // Includes.
    IncludeNotFound.self, IncludeInvalid.self, IncludeFallback.self, CircularReference.self,
    IncludeDepthExceeded.self, PathOutsideRoot.self,
    // Links.
    FileNotFound.self, BookmarkNotFound.self, CodeSnippetNotFound.self, CodeRegionNotFound.self,
    ExternalLinkBroken.self,
    // The Learn build's configuration.
    JSONSyntaxError.self, RedirectionInvalid.self, RedirectedFileNotRemoved.self,
    LinkRedirected.self, DependencyMissing.self, MonikerRangeInvalid.self,
    // Transcripts, golden files and the programs shown.
    TranscriptMarkerInvalid.self, ResultBlockInvalid.self, ReferenceFailed.self,
    GoldenMissing.self, GoldenStale.self, TranscriptDrift.self, ProgramOutputDrift.self,
    ProgramSyntaxError.self, ProgramNotRun.self, SnippetDrift.self,
    // Translations.
    L10nLocaleMismatch.self, L10nOrphan.self, L10nUntranslated.self, L10nStale.self,
    L10nStructure.self,
  ]

  /// Every rule's description, ordered by id.
  public static let infos: [RuleInfo] = all.map { $0.info }.sorted { $0.id < $1.id }

  /// The rules the structural checker runs over a site.
  public static let structural: [any Rule.Type] = all.compactMap { $0 as? any Rule.Type }

  /// The rules run over the comparison of translations with their sources.
  public static let localization: [any LocalizationRule.Type] = all.compactMap {
    $0 as? any LocalizationRule.Type
  }

  /// Every id docproof.yml may name.
  public static let knownIDs: Set<RuleID> = Set(all.map { $0.info.id })

  /// The description of a rule id.
  public static func info(for id: RuleID) -> RuleInfo? {
    all.first { $0.info.id == id }?.info
  }
}
