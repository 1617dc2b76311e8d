import DocModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A docs tree, loaded: configuration, locales, every Markdown file parsed once, pivot
/// groups and the include graph.
public struct Site: Sendable {
  public let rootPath: String
  public let configuration: Configuration
  public let tree: FileTree
  /// The source locale first, then the others by name.
  public let locales: [SiteLocale]
  /// Every Markdown file by root-relative path.
  public let files: [String: Page]
  /// Findings about files as files: unreadable, too large, links that leave the root.
  public let fileDiagnostics: [Diagnostic]
  /// Every pivot definition file read, by its path from the root: each locale's
  /// `zone-pivot-groups.yml`, or in a Learn repository those `zone_pivot_group_filename`
  /// names.
  public let pivotGroups: [String: PivotGroups]
  /// The Learn build's configuration, when the root is a Learn repository.
  public let learn: LearnRepository?
  /// The root's path from where reports' paths start (`ReportBase.rootPrefix`): `""` (the
  /// root itself) unless a command reports from the repository's root (`docs`), so that
  /// "looked for docs/x.md" and "docs/y.md:3:1" share one base.
  public var messageRoot = ""
  public let includes: IncludeGraph
  /// Every Markdown file of the locales, sorted; `files` holds those parsed so far (all of
  /// them but the unreadable and the too large, unless the site was loaded in part).
  public let markdownPaths: [String]
  /// The paths of `files` (the Markdown files parsed), sorted.
  public let parsedPaths: [String]

  public var sourceLocale: SiteLocale { locales[0] }

  /// Every parsed file with its page, in the order of `parsedPaths` (no path looked up:
  /// the include graph holds the pages in that order).
  public var parsedFiles: Zip2Sequence<[String], [Page]> { zip(parsedPaths, includes.pages) }

  /// Paths of the Markdown files that are pages (not includes), sorted.
  public var pages: [String] {
    parsedPaths.indices.filter { includes.isPage(at: $0) }.map { parsedPaths[$0] }
  }

  /// Whether findings in a file are reported: in a Learn repository, only pages and what
  /// they include are (see `IncludeGraph.isReported(at:)`).
  public func isReported(_ path: String) -> Bool {
    includes.isReported(path)
  }

  /// The locale a root-relative path belongs to.
  public func locale(of path: String) -> SiteLocale {
    for locale in locales.dropFirst() where locale.contains(path) { return locale }
    return locales[0]
  }

  /// The pivot groups that apply to a locale.
  public func pivotGroups(for locale: SiteLocale) -> PivotGroups? {
    pivotGroups[locale.path(configuration.zonePivotGroupsFile)]
      ?? pivotGroups[sourceLocale.path(configuration.zonePivotGroupsFile)]
  }

  /// Loads a tree: reads `docproof.yml` (unless a configuration is given), walks the
  /// files, and parses every Markdown file in parallel.
  public static func load(
    root: String, configuration given: Configuration? = nil, knownRules: Set<RuleID>,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws(SiteError) -> Site {
    let site = try scan(root: root, configuration: given, knownRules: knownRules)
    return await site.parsingEverything(progress: progress)
  }

  /// Reads the configuration, walks the files and reads the pivot groups, without parsing
  /// any Markdown file: `parsing(_:)` adds the files a run needs.
  public static func scan(
    root: String, configuration given: Configuration? = nil, knownRules: Set<RuleID>
  ) throws(SiteError) -> Site {
    let tree = try FileTree.scan(root)
    var configuration = Configuration()
    if let given {
      configuration = given
    } else if let problem = Self.configurationFileProblem(tree) {
      // A docproof.yml that is there but cannot be read is never passed over for defaults.
      let path =
        root.hasSuffix("/") ? root + Configuration.fileName : root + "/" + Configuration.fileName
      throw .configuration(
        ConfigurationError(path: path, line: 1, message: "cannot read it: it is \(problem)"))
    } else if tree.isFile(Configuration.fileName) {
      let path =
        root.hasSuffix("/") ? root + Configuration.fileName : root + "/" + Configuration.fileName
      let text: String
      do {
        text = String(
          decoding: try FileReader.read(tree.absolute(Configuration.fileName)), as: UTF8.self)
      } catch {
        throw .configuration(ConfigurationError(path: path, line: 1, message: error.description))
      }
      do {
        configuration = try Configuration.parse(text, path: path, knownRules: knownRules)
      } catch {
        throw .configuration(error)
      }
    }
    let learn = try LearnRepository.discover(
      tree: tree, siteRoots: configuration.siteRoots, maxFileSize: configuration.maxFileSize)
    let locales: [SiteLocale]
    if let learn {
      // A Learn repository is one locale, the publish configuration's; its localizations
      // are repositories of their own.
      locales = [
        SiteLocale(
          name: learn.docsets.first?.locale ?? configuration.sourceLocale, folder: "",
          isSource: true)
      ]
    } else {
      locales = try detectLocales(tree: tree, configuration: configuration, root: root)
    }

    var diagnostics: [Diagnostic] = []
    var markdown: [String] = []
    // In sorted order: so are `markdownPaths`.
    for (path, entry) in tree.sorted {
      guard RelativePath.isMarkdown(path), locales.contains(where: { $0.contains(path) }) else {
        continue
      }
      switch entry {
      case .file:
        // Too large to check is judged when the file is read (`parsing`).
        markdown.append(path)
      case .broken(let reason):
        diagnostics.append(FileUnreadable.broken("\(reason)").at(path, line: 1))
      case .outsideRoot(let target):
        diagnostics.append(PathOutsideRoot.symbolicLink(to: target).at(path, line: 1))
      case .directory:
        break
      }
    }

    var pivotFiles = learn?.pivotDefinitionFiles(tree: tree) ?? []
    if learn == nil {
      pivotFiles = locales.map { $0.path(configuration.zonePivotGroupsFile) }
    }
    let pivotGroups = Self.readPivotGroups(pivotFiles, tree: tree, into: [:])

    return Site(
      rootPath: root, configuration: configuration, tree: tree, locales: locales, files: [:],
      fileDiagnostics: diagnostics + (learn?.diagnostics ?? []), pivotGroups: pivotGroups,
      learn: learn, includes: .empty,
      markdownPaths: markdown, parsedPaths: [])
  }

  /// What is wrong with a `docproof.yml` at the root that is not a readable regular file
  /// inside it (a folder, a link out of the tree or to nothing, a FIFO, a device); `nil`
  /// when there is none, or it is fine.
  static func configurationFileProblem(_ tree: FileTree) -> String? {
    switch tree[Configuration.fileName] {
    case .file: return nil
    case .directory: return "a folder"
    case .outsideRoot(let target): return "a symbolic link to \(target), outside the tree"
    case .broken(let reason): return reason
    case nil:
      // The walk leaves out FIFOs, sockets and devices: ask the file system.
      var status = stat()
      guard lstat(tree.absolute(Configuration.fileName), &status) == 0 else { return nil }
      switch status.st_mode & S_IFMT {
      case S_IFIFO: return "a FIFO, not a file"
      case S_IFCHR, S_IFBLK: return "a device, not a file"
      case S_IFSOCK: return "a socket, not a file"
      default: return "not a regular file"
      }
    }
  }

  /// Whether `path` is among `markdownPaths` (a binary search: they are sorted).
  public func isParseable(_ path: String) -> Bool {
    markdownPaths.sortedIndex(of: path) != nil
  }

  /// This site with more Markdown files parsed (in parallel) and the include graph rebuilt;
  /// paths already parsed, or not among `markdownPaths`, are skipped.
  public func parsing(
    _ paths: some Sequence<String>, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async -> Site {
    // In the order given, each once.
    var seen: Set<String> = []
    let wanted = paths.filter {
      self.files[$0] == nil && isParseable($0) && seen.insert($0).inserted
    }
    return await parsing(wanted: wanted, inOrder: false, progress: progress)
  }

  /// This site with every Markdown file parsed (in parallel) and the include graph rebuilt.
  public func parsingEverything(progress: (@Sendable (Int, Int) -> Void)? = nil) async -> Site {
    guard files.isEmpty else { return await parsing(markdownPaths, progress: progress) }
    // Nothing is parsed yet: every path is wanted, in sorted order, and the ones that parse
    // are `parsedPaths` as they come.
    return await parsing(wanted: markdownPaths, inOrder: true, progress: progress)
  }

  /// Parses `wanted` (none parsed yet, all among `markdownPaths`); `inOrder`: this site has
  /// no file parsed and `wanted` is sorted.
  private func parsing(
    wanted: [String], inOrder: Bool, progress: (@Sendable (Int, Int) -> Void)?
  ) async -> Site {
    var diagnostics = fileDiagnostics
    let parsed = await Self.parseAll(
      wanted, tree: tree, limit: configuration.maxFileSize, progress: progress)
    var newPaths: [String] = []
    var newPages: [Page] = []
    newPaths.reserveCapacity(parsed.count)
    newPages.reserveCapacity(parsed.count)
    for (path, outcome) in zip(wanted, parsed) {
      switch outcome {
      case .success(let page):
        newPaths.append(path)
        newPages.append(page)
      case .failure(let error):
        if case .tooLarge(let size, let limit) = error.reason {
          diagnostics.append(FileTooLarge.skipped(size: size, limit: limit).at(path, line: 1))
        } else {
          diagnostics.append(
            FileUnreadable.readFailed(
              error.description.replacingOccurrences(of: tree.absolute(path), with: path)
            ).at(path, line: 1))
        }
      }
    }
    let files: [String: Page]
    let parsedPaths: [String]
    let includes: IncludeGraph
    if inOrder {
      // Nothing was parsed before and `wanted` is sorted: the pages are in path order as
      // they came, and the table by path is built while the include graph is.
      let (paths, pages) = (newPaths, newPages)
      async let table = Dictionary(uniqueKeysWithValues: zip(paths, pages))
      includes = await IncludeGraph.build(
        pages: pages, paths: paths, tree: tree, locales: locales, learn: learn)
      files = await table
      parsedPaths = paths
    } else {
      var table = self.files
      table.reserveCapacity(table.count + newPaths.count)
      for (path, page) in zip(newPaths, newPages) { table[path] = page }
      // Sorting a few keys beats looking up every path of a large tree (`--changed-since`
      // parses a little at a time); both give the same list.
      parsedPaths =
        table.count * 16 < markdownPaths.count
        ? table.keys.sorted() : markdownPaths.filter { table[$0] != nil }
      files = table
      includes = await IncludeGraph.build(
        pages: parsedPaths.map { table[$0]! }, paths: parsedPaths, tree: tree, locales: locales,
        learn: learn)
    }
    // Pages may name their own pivot definitions (`zone_pivot_group_filename`).
    var named: [String] = []
    if let learn {
      for (path, page) in zip(newPaths, newPages) {
        if let file = learn.pivotDefinitionFile(named: page, at: path), pivotGroups[file] == nil {
          named.append(file)
        }
      }
    }
    var site = Site(
      rootPath: rootPath, configuration: configuration, tree: tree, locales: locales,
      files: files, fileDiagnostics: diagnostics,
      pivotGroups: Self.readPivotGroups(named, tree: tree, into: pivotGroups), learn: learn,
      includes: includes, markdownPaths: markdownPaths, parsedPaths: parsedPaths)
    site.messageRoot = messageRoot
    return site
  }

  /// Reads pivot definition files into `groups` (files already there, or not in the tree,
  /// are skipped).
  private static func readPivotGroups(
    _ files: [String], tree: FileTree, into groups: [String: PivotGroups]
  ) -> [String: PivotGroups] {
    var groups = groups
    for path in files where groups[path] == nil && tree.isFile(path) {
      guard let bytes = try? FileReader.read(tree.absolute(path)) else { continue }
      groups[path] = PivotGroups.parse(String(decoding: bytes, as: UTF8.self), path: path)
    }
    return groups
  }

  private static func detectLocales(tree: FileTree, configuration: Configuration, root: String)
    throws(SiteError) -> [SiteLocale]
  {
    // A locale folder that is a link out of the tree is never read: say so, rather than
    // check nothing of it.
    for (path, entry) in tree.entries where !path.contains("/") {
      if case .outsideRoot(let target) = entry,
        Locales.isLocaleName(path) || path == configuration.sourceLocale
          || configuration.locales?.contains(path) == true
      {
        throw .localeOutsideRoot(root: root, locale: path, target: target)
      }
    }
    let folders = tree.entries.compactMap { path, entry -> String? in
      guard entry == .directory, !path.contains("/"), Locales.isLocaleName(path) else {
        return nil
      }
      return path
    }.sorted()
    let source = configuration.sourceLocale
    // `locales: []` turns detection off: the source locale's folder alone, or the root.
    if configuration.locales == [] {
      return tree.isDirectory(source) && !source.isEmpty
        ? [SiteLocale(name: source, folder: source, isSource: true)]
        : [SiteLocale(name: source, folder: "", isSource: true)]
    }
    if folders.isEmpty, configuration.locales == nil {
      // A tree without locale folders: the root itself is the source locale.
      return [SiteLocale(name: source, folder: "", isSource: true)]
    }
    guard folders.contains(source) else {
      throw .sourceLocaleMissing(root: root, locale: source, found: folders)
    }
    let others = (configuration.locales ?? folders).filter { $0 != source }
    for locale in others where !folders.contains(locale) {
      throw .configuration(
        ConfigurationError(
          path: root.hasSuffix("/")
            ? root + Configuration.fileName : root + "/" + Configuration.fileName,
          line: configuration.localesLine,
          message: "locale '\(locale)' is listed but \(root) has no '\(locale)' folder"))
    }
    return [SiteLocale(name: source, folder: source, isSource: true)]
      + others.sorted().map { SiteLocale(name: $0, folder: $0, isSource: false) }
  }

  /// Reads and parses files on one task per core, each taking small batches of paths in
  /// turn (one task per file costs a wake-up of the parent for each file). The
  /// outcomes come in the order of `paths`.
  private static func parseAll(
    _ paths: [String], tree: FileTree, limit: Int, progress: (@Sendable (Int, Int) -> Void)?
  ) async -> [Result<Page, FileReadError>] {
    typealias Parsed = (index: Int, result: Result<Page, FileReadError>)
    let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), paths.count)
    let cursor = BatchCursor(total: paths.count, batch: 16)
    return await withTaskGroup(of: [Parsed].self) { group in
      for _ in 0..<workers {
        group.addTask {
          var parsed: [Parsed] = []
          // Paths come in order, so a folder's files mostly come one after another: each is
          // opened in its open folder.
          var folder = OpenFolder(tree: tree)
          defer { folder.close() }
          while let batch = cursor.take() {
            for index in batch {
              let path = paths[index]
              let read = Result { () throws(FileReadError) in
                try folder.read(path, limit: limit)
              }
              parsed.append(
                (index, read.map { PageParser.parse(bytes: $0, path: path, withinBudget: true) }))
            }
            let done = cursor.finish(batch.count)
            progress?(done, paths.count)
          }
          return parsed
        }
      }
      var results = [Result<Page, FileReadError>?](repeating: nil, count: paths.count)
      for await parsed in group {
        for (index, result) in parsed { results[index] = result }
      }
      return results.map { $0! }
    }
  }
}
