import DocModel
import DocSite

/// Everything in a page that points at a file or URL: links, images, `:::image` sources,
/// lightboxes and links, videos.
struct LinkReference {
  /// `link`, `image`, `lightbox`, `video`: for messages.
  var kind: String
  var target: String
  var line: Int
  var column: Int
  /// Whether the target must be a file (an image) rather than any page.
  var isImage: Bool
  /// Whether it is a Markdown link or image (`page.links`), not a DocFX extension's target.
  var isMarkdownLink = false
}

/// A link reference and where it leads.
struct ResolvedReference: Sendable {
  var reference: LinkReference
  var target: LinkTarget
}

enum LinkReferences {
  static func all(in page: Page) -> [LinkReference] {
    var references: [LinkReference] = []
    for link in page.links {
      references.append(
        LinkReference(
          kind: link.isImage ? "image" : "link", target: link.target, line: link.line,
          column: link.column, isImage: link.isImage, isMarkdownLink: true))
    }
    for image in page.images {
      if let source = image.source, !source.isEmpty {
        references.append(
          LinkReference(
            kind: "image", target: source, line: image.line, column: image.column, isImage: true))
      }
      if let lightbox = image.lightbox, !lightbox.isEmpty {
        references.append(
          LinkReference(
            kind: "lightbox", target: lightbox, line: image.line, column: image.column,
            isImage: true))
      }
      if let link = image.link, !link.isEmpty {
        references.append(
          LinkReference(
            kind: "link", target: link, line: image.line, column: image.column, isImage: false))
      }
    }
    for video in page.videos where !video.url.isEmpty {
      references.append(
        LinkReference(
          kind: "video", target: video.url, line: video.line, column: video.column, isImage: false))
    }
    return references
  }
}
