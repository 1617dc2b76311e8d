import DocModel

/// Every rule docproof runs, in one place.
public enum Rules {
  public static let all: [any Rule.Type] = [
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
  ]

  /// Every rule id, including those later stages (transcripts, localization) report.
  public static var knownIDs: Set<RuleID> {
    Set(all.map { $0.info.id }).union(laterStageIDs)
  }

  /// Ids reported outside the rule registry (transcript and localization stages).
  public static let laterStageIDs: Set<RuleID> = [
    .transcriptDrift, .goldenStale, .goldenMissing, .referenceFailed, .snippetDrift,
    .transcriptMarkerInvalid, .resultBlockInvalid, .programOutputDrift,
    .programNotRun, .programSyntaxError,
    .l10nStale, .l10nStructure, .l10nOrphan, .l10nUntranslated, .l10nLocaleMismatch,
  ]

  /// The description of a rule id.
  public static func info(for id: RuleID) -> RuleInfo? {
    all.first { $0.info.id == id }?.info
  }
}
