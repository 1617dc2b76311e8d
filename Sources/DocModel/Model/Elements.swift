/// A `::: zone` block: content shown only for some pivots or output targets.
public struct Zone: Sendable, Hashable, Codable {
  /// The pivot ids of `pivot="a,b"`, trimmed, in order; empty for a target-only zone.
  public var pivots: [String]
  /// `docs`, `chromeless` or `pdf`, when set.
  public var target: String?
  /// The line of `::: zone`.
  public var line: Int
  public var column: Int
  /// The line of `::: zone-end`, or `nil` when the zone is never closed.
  public var endLine: Int?
  /// The line of the `pivot` attribute's value, for findings about one pivot id.
  public var pivotColumn: Int?
}

/// An `[!INCLUDE [title](path)]` directive, as a block of its own or inline in text.
public struct Include: Sendable, Hashable, Codable {
  /// The path as written (relative to the including file, or `~/` for the root).
  public var path: String
  public var title: String
  public var line: Int
  public var column: Int
  /// `true` for an include inside a paragraph, `false` for one alone on its line.
  public var inline: Bool
  /// The index in `Page.zones` of the zone holding it, if any.
  public var zone: Int?
}

/// A heading with its bookmark id.
public struct Heading: Sendable, Hashable, Codable {
  public var level: Int
  /// The heading's text without markup.
  public var text: String
  /// The bookmark id a link reaches it by.
  public var id: String
  /// The id Markdig generates from the text, when a leading `<a name>` overrides it.
  public var autoId: String?
  public var line: Int
  public var column: Int
  public var zone: Int?
}

/// How a link is written.
public enum LinkKind: String, Sendable, Hashable, Codable {
  /// `[text](target)`
  case inline
  /// `[text][label]`, `[text][]` or `[label]`, resolved through a definition.
  case reference
  /// `<https://...>` or a bare URL.
  case autolink
}

/// A link or an image from the Markdown.
public struct Link: Sendable, Hashable, Codable {
  /// The destination as cmark-gfm resolved it (entities and escapes decoded).
  public var target: String
  public var kind: LinkKind
  /// `true` for an image (`![alt](src)`).
  public var isImage: Bool
  public var text: String
  public var line: Int
  public var column: Int
  public var zone: Int?
}

/// An HTML element with an `id`, or an `<a>` with a `name`: a bookmark a link can reach.
public struct Anchor: Sendable, Hashable, Codable {
  public var id: String
  public var line: Int
  public var column: Int
  public var zone: Int?
}

/// A code block: fenced (with its info string) or indented.
public struct CodeBlock: Sendable, Hashable, Codable {
  /// The whole info string after the opening fence (`console`, `python title="x"`).
  public var info: String
  /// The first word of the info string.
  public var language: String
  /// The line of the opening fence (or of the first line of an indented block).
  public var line: Int
  /// The line of the closing fence (or of the last line of an indented block).
  public var endLine: Int
  /// The content, without the fences.
  public var text: String
  public var fenced: Bool
  /// The fence character (`` ` `` or `~`) and length, for fenced blocks.
  public var fence: String?
  /// Whether a fenced block has its closing fence.
  public var closed: Bool
  public var zone: Int?
  /// The text of the paragraph right before the block, if that is what precedes it.
  public var lead: String?
  /// The line where the block before it (in the same container) starts, if any: a marker
  /// comment alone on the line before makes this the comment's line.
  public var previousLine: Int?
}

/// An HTML comment: suppressions and docproof markers live in these.
public struct Comment: Sendable, Hashable, Codable {
  /// The text between `<!--` and `-->`, trimmed.
  public var text: String
  public var line: Int
  public var endLine: Int
  public var column: Int
}

/// A `:::image` directive.
public struct ImageDirective: Sendable, Hashable, Codable {
  /// `content` (the default), `complex` or `icon`.
  public var type: String
  public var source: String?
  public var altText: String?
  public var lightbox: String?
  public var link: String?
  public var line: Int
  public var column: Int
  /// For `type="complex"`, the line of `:::image-end:::`.
  public var endLine: Int?
  public var zone: Int?
}

/// A code snippet pulled from a file: `:::code source="..." :::` or `[!code-lang[](path)]`.
public struct CodeReference: Sendable, Hashable, Codable {
  /// The path of the file, as written, without its query or bookmark.
  public var path: String
  public var language: String
  /// The `#name`, `?name=`, `id="..."` region, when set.
  public var region: String?
  /// The line range (`range=`, `?range=`, `#L1-L5`), as written.
  public var range: String?
  /// `triple-colon` for `:::code`, `legacy` for `[!code-...]`.
  public var syntax: String
  public var line: Int
  public var column: Int
  public var zone: Int?
}

/// A note-style alert: `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!CAUTION]`, `> [!WARNING]`.
public struct Alert: Sendable, Hashable, Codable {
  /// The alert type in upper case.
  public var type: String
  public var line: Int
  public var column: Int
}

/// A `> [!div class="..."]` section.
public struct DivSection: Sendable, Hashable, Codable {
  /// The attributes as written (`class="nextstepaction"`).
  public var attributes: String
  public var line: Int
  public var column: Int
}

/// A `> [!VIDEO url]` embed or a `:::video source="...":::` directive.
public struct Video: Sendable, Hashable, Codable {
  public var url: String
  public var title: String
  public var line: Int
  public var column: Int
}

/// A `::: moniker range="..."` block: content shown only for the versions the range names.
public struct MonikerBlock: Sendable, Hashable, Codable {
  /// The range expression as written (`>=azure-cli-2.50 || azure-cli-lts`).
  public var range: String
  public var line: Int
  public var column: Int
  /// The `::: moniker-end` line, `nil` when the block is not closed.
  public var endLine: Int?
}

/// A tab heading: `# [Title](#tab/id)` or `# [Title](#tab/id/condition)`.
public struct Tab: Sendable, Hashable, Codable {
  public var id: String
  public var condition: String?
  public var title: String
  public var line: Int
  public var column: Int
}
