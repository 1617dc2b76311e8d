/// What the Learn rules' examples share: the smallest Learn repository, a `docfx.json` that
/// builds every Markdown file and a page with the metadata the build requires.
public enum LearnExample {
  public static let docfx = #"{"build": {"content": [{"files": ["**/*.md"]}]}}"#

  public static let page =
    "---\ntitle: T\ndescription: D\nms.date: 01/01/2026\nms.topic: article\n---\n# T\n"

  /// `files` in such a repository: `docfx.json` and `page.md`, unless `files` has its own.
  public static func repository(_ files: [String: String]) -> [String: String] {
    ["docfx.json": docfx, "page.md": page].merging(files) { _, own in own }
  }
}
