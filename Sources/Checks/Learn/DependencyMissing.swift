import DocModel
import DocSite

/// A dependent repository the pages take content from, not cloned: what could not be
/// checked, and how to clone it.
public enum DependencyMissing: Rule {
  public static let info = RuleInfo(
    id: .dependencyMissing, defaultSeverity: .info,
    summary: "A dependent repository the pages use is not cloned, so what they take from it "
      + "is not checked.",
    help: "The Learn build clones each of dependent_repositories beside the docset. Without "
      + "the clone, includes, snippets, images and links into it are not errors, and bookmarks "
      + "on pages that show its includes are unknown. `docproof clone-dependencies` clones "
      + "the absent ones. It is a note, not a warning: nothing on the pages is wrong, the "
      + "checkout only lacks what the build fetches.",
    triggers: LearnExample.repository([
      ".openpublishing.publish.config.json":
        #"{"docsets_to_publish": [{"build_source_folder": "."}], "dependent_repositories": [{"path_to_root": "shared", "url": "https://example.com/shared", "branch": "main"}]}"#,
      "page.md": "# T\n\n[!INCLUDE [note](~/shared/includes/note.md)]\n",
    ]),
    passes: LearnExample.repository([
      ".openpublishing.publish.config.json":
        #"{"docsets_to_publish": [{"build_source_folder": "."}], "dependent_repositories": [{"path_to_root": "shared", "url": "https://example.com/shared", "branch": "main"}]}"#,
      "page.md": "# T\n\n[!INCLUDE [note](~/shared/includes/note.md)]\n",
      "shared/includes/note.md": "A note.\n",
    ]))

  /// What could not be checked in one absent repository or folder.
  struct Unchecked {
    var includes = 0
    var snippets = 0
    var images = 0
    var links = 0
    var bookmarks = 0

    var total: Int { includes + snippets + images + links + bookmarks }

    mutating func add(_ other: Unchecked) {
      includes += other.includes
      snippets += other.snippets
      images += other.images
      links += other.links
      bookmarks += other.bookmarks
    }
  }

  public static func check(_ context: CheckContext) async -> [Diagnostic] {
    guard let learn = context.site.learn else { return [] }
    let site = context.site
    var unchecked: [String: Unchecked] = [:]
    for edge in site.includes.allEdges where site.isReported(edge.from) {
      if case .unavailable(_, let dependency) = edge.resolution {
        unchecked[dependency, default: Unchecked()].includes += 1
      }
    }
    for ((path, page), references) in zip(context.files, context.references)
    where site.isReported(path) {
      for resolved in references {
        switch resolved.target {
        case .unavailable(_, let dependency):
          if resolved.reference.isImage {
            unchecked[dependency, default: Unchecked()].images += 1
          } else {
            unchecked[dependency, default: Unchecked()].links += 1
          }
        case .file(let target, let fragment?) where resolved.reference.isMarkdownLink:
          guard let number = site.includes.number(of: target), !fragment.hasPrefix("tab/"),
            !context.bookmarks.contains(fragment, on: target, number: number)
          else { continue }
          for dependency in site.includes.unavailableDependencies(from: number) {
            unchecked[dependency, default: Unchecked()].bookmarks += 1
          }
        case .bookmark(let id) where resolved.reference.isMarkdownLink:
          for shown in site.includes.pages(showing: path) {
            guard let number = site.includes.number(of: shown),
              !context.bookmarks.contains(id, on: shown, number: number)
            else { continue }
            for dependency in site.includes.unavailableDependencies(from: number) {
              unchecked[dependency, default: Unchecked()].bookmarks += 1
            }
          }
        default:
          continue
        }
      }
      for reference in page.codeReferences {
        if case .unavailable(_, let dependency) = context.links.resolve(reference.path, from: path)
        {
          unchecked[dependency, default: Unchecked()].snippets += 1
        }
      }
    }
    var findings: [Diagnostic] = []
    for dependency in learn.dependencies where !dependency.isPresent {
      guard let counts = unchecked[dependency.repository.path], counts.total > 0 else { continue }
      let repository = dependency.repository
      findings.append(
        finding(
          dependency.file, line: repository.line,
          "dependent repository \(repository.url) (branch \(repository.branch)) is not cloned at "
            + "\(repository.path): \(describe(counts)) could not be checked",
          notes: [
            "clone it with `docproof clone-dependencies`, or `git clone --depth 1 --branch "
              + "\(repository.branch) \(repository.url) \(repository.path)`"
          ]))
    }
    // A localization whose publish configuration does not name its source repository.
    if !learn.dependencies.contains(where: { $0.repository.path == LearnRepository.sourceFallback }
    ),
      let counts = unchecked.removeValue(forKey: LearnRepository.sourceFallback), counts.total > 0
    {
      let locale = learn.docsets.first?.locale ?? ""
      findings.append(
        finding(
          learn.publishConfiguration?.path ?? learn.docsets.first?.configuration.path ?? "",
          line: 1,
          "this repository is a localization (\(locale)): \(describe(counts)) to files it lacks "
            + "fall back to the source repository's, which is not here, and could not be checked",
          notes: [
            "the Learn build takes a localization's missing files from its source repository"
          ]))
    }
    // Content folders the checkout lacks: one note per docfx.json, for all of them.
    var byFile: [(file: String, line: Int, folders: [String], counts: Unchecked)] = []
    for absent in learn.absentContent {
      let counts = unchecked.removeValue(forKey: absent.folder) ?? Unchecked()
      if let index = byFile.firstIndex(where: { $0.file == absent.file }) {
        if !byFile[index].folders.contains(absent.folder) {
          byFile[index].folders.append(absent.folder)
        }
        byFile[index].counts.add(counts)
      } else {
        byFile.append((absent.file, absent.line, [absent.folder], counts))
      }
    }
    for (file, line, folders, counts) in byFile where counts.total > 0 {
      let named =
        folders.count == 1
        ? "content folder \(folders[0]) named in \(file) is"
        : "content folders \(folders.joined(separator: ", ")) named in \(file) are"
      findings.append(
        finding(
          file, line: line,
          "\(named) not in this checkout: \(describe(counts)) into \(folders.count == 1 ? "it" : "them") could not be checked",
          notes: [
            "the build finds it elsewhere: content generated for the build, or part of the "
              + "repository this checkout leaves out (check that out to check them)"
          ]))
    }
    return findings
  }

  /// `212 includes, 10 images and 25 bookmarks`.
  static func describe(_ counts: Unchecked) -> String {
    let parts = [
      (counts.includes, "include"), (counts.snippets, "snippet"), (counts.images, "image"),
      (counts.links, "link"), (counts.bookmarks, "bookmark"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
    guard parts.count > 1 else { return parts.first ?? "nothing" }
    return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
  }
}
