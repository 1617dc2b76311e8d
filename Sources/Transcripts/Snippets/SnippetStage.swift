import DocModel
import DocSite
import Foundation

/// A fenced block that must repeat a source file (or a region of it).
public struct SnippetBlock: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var endLine: Int
  public var text: String
  /// As written in the marker: `PATH` or `PATH#region`.
  public var source: String
  /// The expected text, when the source could be read.
  public var expected: String?
}

/// `snippet-drift`: a fenced block right after `<!-- docproof: snippet PATH[#region] -->`
/// must equal that file or region. PATH is relative to the file holding the marker and may
/// leave the docs root (into `Sources/`), but never the project root.
public enum SnippetStage {
  public struct Result: Sendable {
    public var diagnostics: [Diagnostic]
    /// Blocks that differ from their source (for `--fix`).
    public var drifts: [SnippetBlock]
    /// Blocks compared with their source, whether or not they match.
    public var compared = 0
  }

  public static func check(_ site: Site) -> Result {
    let projectRoot = GoldenStore(site: site).projectRoot
    let realProject = FileTree.realPath(projectRoot) ?? projectRoot
    var diagnostics: [Diagnostic] = []
    var drifts: [SnippetBlock] = []
    var compared = 0
    for (path, page) in site.parsedFiles {
      for comment in page.comments {
        guard let marker = Marker.parse(comment.text), marker.kind == "snippet" else { continue }
        func report(_ message: RuleMessage) {
          diagnostics.append(message.at(path, line: comment.line, column: comment.column))
        }
        guard !marker.argument.isEmpty else {
          report(SnippetDrift.markerWithoutPath)
          continue
        }
        guard let block = page.fencedBlock(after: comment) else {
          report(SnippetDrift.markerWithoutBlock(marker.argument))
          continue
        }
        var source = marker.argument
        var region: String?
        if let hash = source.firstIndex(of: "#") {
          region = String(source[source.index(after: hash)...])
          source = String(source[..<hash])
        }
        // Resolve against the real folder of the page, then confine to the project root.
        let absolute = ProjectPath.lexicallyNormalized(
          site.tree.realRoot + "/" + RelativePath.directory(of: path) + "/" + source)
        // Leaving the project by `..` is decided on the text: nothing outside is looked at.
        guard ProjectPath.contains(absolute, in: realProject) else {
          report(PathOutsideRoot.snippetSource(source, project: site.configuration.project))
          continue
        }
        guard let real = FileTree.realPath(absolute) else {
          report(CodeSnippetNotFound.snippetSource(source))
          continue
        }
        guard real == realProject || real.hasPrefix(realProject + "/") else {
          report(PathOutsideRoot.snippetSource(source, project: site.configuration.project))
          continue
        }
        let text: String
        do {
          text = String(
            decoding: try FileReader.read(real, limit: site.configuration.maxFileSize),
            as: UTF8.self)
        } catch {
          report(CodeSnippetNotFound.snippetSourceUnreadable(source, "\(error)"))
          continue
        }
        var expected = text
        if let region {
          guard let extracted = SnippetRegion.extract(region, from: text) else {
            report(CodeSnippetNotFound.snippetRegion(region, in: source))
            continue
          }
          expected = extracted
        }
        let normalizedExpected = expected.replacingOccurrences(of: "\r\n", with: "\n")
        compared += 1
        guard block.text != normalizedExpected else { continue }
        let snippet = SnippetBlock(
          file: path, line: block.line, endLine: block.endLine, text: block.text,
          source: marker.argument, expected: normalizedExpected)
        drifts.append(snippet)
        let diff = UnifiedDiff(
          old: block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
          new: normalizedExpected.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        ).render(oldLabel: path, newLabel: marker.argument, oldStart: block.line + 1)
        diagnostics.append(
          SnippetDrift.finding(
            path, line: block.line,
            "this code block differs from its source '\(marker.argument)'",
            notes: [diff, "'docproof check --fix' copies the source into the page"]))
      }
    }
    return Result(diagnostics: diagnostics, drifts: drifts, compared: compared)
  }
}
