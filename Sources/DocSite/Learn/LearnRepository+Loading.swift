import DocModel

extension LearnRepository {
  /// Reads the Learn configuration of a tree whose root holds
  /// `.openpublishing.publish.config.json` or `docfx.json`; `nil` for any other tree.
  /// A publish configuration or docfx.json the build could not use stops the run with its
  /// file and line; problems in redirection files are findings.
  public static func discover(
    tree: FileTree, siteRoots: [Configuration.SiteRoot], maxFileSize: Int
  ) throws(SiteError) -> LearnRepository? {
    func read(_ path: String) throws(SiteError) -> [UInt8] {
      do {
        return try FileReader.read(tree.absolute(path), limit: maxFileSize)
      } catch {
        throw .configuration(
          ConfigurationError(
            path: path, line: 1,
            message: error.description.replacingOccurrences(of: tree.absolute(path), with: path)))
      }
    }
    var publish: PublishConfiguration?
    var docsets: [Docset] = []
    var absentDocsets: [PublishConfiguration.Docset] = []
    if tree.isFile(PublishConfiguration.fileName) {
      let parsed: PublishConfiguration
      let bytes = try read(PublishConfiguration.fileName)
      do {
        parsed = try PublishConfiguration.parse(bytes, path: PublishConfiguration.fileName)
      } catch {
        throw .configuration(error)
      }
      publish = parsed
      for entry in parsed.docsets {
        let file = entry.folder.isEmpty ? DocfxConfiguration.fileName : entry.folder + "/docfx.json"
        // A sparse checkout may leave a docset's folder out: the others are checked.
        if !entry.folder.isEmpty, !tree.isDirectory(entry.folder) {
          absentDocsets.append(entry)
          continue
        }
        guard tree.isFile(file) else {
          throw .configuration(
            ConfigurationError(
              path: parsed.path, line: entry.line,
              message:
                "docset '\(entry.name)' has no \(file): the build reads its content from there"))
        }
        let configuration = try docfx(file)
        docsets.append(
          Docset(
            name: entry.name, folder: entry.folder, locale: entry.locale,
            configuration: configuration,
            monikers: Set(
              (entry.monikers + configuration.groups.values.flatMap(MonikerRange.names)).map {
                $0.lowercased()
              })))
      }
    } else if tree.isFile(DocfxConfiguration.fileName) {
      let configuration = try docfx(DocfxConfiguration.fileName)
      docsets.append(
        Docset(
          name: "", folder: "", locale: "en-us", configuration: configuration,
          monikers: Set(
            configuration.groups.values.flatMap(MonikerRange.names).map { $0.lowercased() })))
    } else {
      return nil
    }
    func docfx(_ file: String) throws(SiteError) -> DocfxConfiguration {
      let bytes = try read(file)
      do {
        return try DocfxConfiguration.parse(bytes, path: file)
      } catch {
        throw .configuration(error)
      }
    }
    let dependencies = (publish?.dependencies ?? []).map {
      Dependency(
        repository: $0, isPresent: tree.isDirectory($0.path),
        file: publish?.path ?? PublishConfiguration.fileName)
    }
    let redirectionFiles = tree.sorted.compactMap { path, entry -> String? in
      guard case .file = entry, Redirections.isRedirectionFile(path) else { return nil }
      return path
    }
    let redirections = Redirections.load(files: redirectionFiles) { path in
      try? FileReader.read(tree.absolute(path), limit: maxFileSize)
    }
    var repository = build(
      publish: publish, docsets: docsets, dependencies: dependencies, redirections: redirections,
      tree: tree, siteRoots: siteRoots)
    repository.absentDocsets = absentDocsets
    return repository
  }

  /// The tables: every file's publication, the URLs, the site base.
  static func build(
    publish: PublishConfiguration?, docsets: [Docset], dependencies: [Dependency],
    redirections: Redirections, tree: FileTree, siteRoots: [Configuration.SiteRoot]
  ) -> LearnRepository {
    let mappings = Mappings(docsets: docsets)
    var publications: [String: Publication] = [:]
    var byURL: [String: [String]] = [:]
    // A dependent repository's files are not built unless it says `include_in_build`.
    let unbuilt = dependencies.filter { !$0.repository.includeInBuild }.map(\.repository.path)
    for (path, entry) in tree.sorted {
      guard case .file = entry,
        !unbuilt.contains(where: { RelativePath.relative(path, to: $0) != nil }),
        let publication = mappings.publication(of: path)
      else {
        continue
      }
      publications[path] = publication
      if publication.isContent {
        byURL[urlKey(published: publication.path, isContent: true), default: []].append(path)
      }
    }
    var redirectedURLs: [String: Redirections.Entry] = [:]
    var diagnostics = redirections.diagnostics
    for entry in redirections.entries {
      guard let publication = mappings.publication(of: entry.source), publication.isContent
      else { continue }
      redirectedURLs[urlKey(published: publication.path, isContent: true)] = entry
      if tree.isFile(entry.source) {
        diagnostics.append(
          RedirectedFileNotRemoved.stillPresent(entry.source, redirectedTo: entry.url).at(
            entry.file, line: entry.line))
      }
    }
    // The checkout is case-insensitive to the build: `src` may differ in case from the folder.
    let folders = Set(
      tree.sorted.compactMap { path, entry in entry == .directory ? path.lowercased() : nil })
    var absent: [AbsentContent] = []
    for mapping in mappings.mappings
    where mapping.isContent && !mapping.folder.isEmpty
      && !folders.contains(mapping.folder.lowercased())
    {
      if !absent.contains(where: {
        $0.folder == mapping.folder && $0.destination == mapping.group.destination
      }) {
        absent.append(
          AbsentContent(
            folder: mapping.folder, destination: mapping.group.destination,
            file: docsets[mapping.docset].configuration.path, line: mapping.group.line))
      }
    }
    var repository = LearnRepository(
      publishConfiguration: publish, docsets: docsets, dependencies: dependencies,
      redirections: redirections, publications: publications, byURL: byURL,
      redirectedURLs: redirectedURLs, absentContent: absent, siteBase: nil,
      ownedFolders: ownedFolders(of: byURL.keys), mappings: mappings,
      diagnostics: diagnostics)
    repository.siteBase = repository.siteBase(siteRoots: siteRoots)
    return repository
  }

  /// Every folder that holds a content URL, and the folders above them.
  private static func ownedFolders(of keys: some Sequence<String>) -> Set<String> {
    var folders: Set<String> = []
    for key in keys {
      var path = Substring(key)
      while let slash = path.lastIndex(of: "/") {
        path = path[..<slash]
        guard folders.insert(String(path)).inserted else { break }
      }
    }
    return folders
  }

  /// The site base: from `links.siteRoots` (the entry for the repository root), else the
  /// prefix most of the repository's own site-absolute redirect targets put before a page
  /// it publishes (`/azure/aks/upgrade-options` → `/azure/` + `aks/upgrade-options`).
  private func siteBase(siteRoots: [Configuration.SiteRoot]) -> SiteBase? {
    if let root = siteRoots.first(where: { $0.folder.isEmpty || $0.folder == "." }) {
      return SiteBase(prefix: root.prefix, origin: "as links.siteRoots in docproof.yml says")
    }
    var votes: [String: Int] = [:]
    for entry in redirections.entries {
      guard let path = Self.sitePath(entry.url) else { continue }
      // `/a/b/c`: is `a/b/c` a page at `/`, or `b/c` one at `/a/`, or `c` one at `/a/b/`?
      var prefixEnd = path.startIndex
      while true {
        let rest = path[path.index(after: prefixEnd)...]
        let key = Self.urlKey(link: String(rest))
        if !rest.isEmpty, byURL[key] != nil || byURL[key + "/"] != nil {
          votes[String(path[...prefixEnd]), default: 0] += 1
          break
        }
        guard let next = rest.firstIndex(of: "/") else { break }
        prefixEnd = next
      }
    }
    guard
      let best = votes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
    else { return nil }
    return SiteBase(
      prefix: best.key,
      origin:
        "inferred from \(best.value) of its redirections (set links.siteRoots in docproof.yml to choose another)"
    )
  }

  /// The path of a site-absolute URL (`/azure/x?view=y#z` → `/azure/x`), or of a Learn URL
  /// (`https://learn.microsoft.com/en-us/azure/x` → `/azure/x`); `nil` for any other.
  static func sitePath(_ url: String) -> String? {
    var text = Substring(url)
    if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<end] }
    for host in ["https://learn.microsoft.com/", "https://docs.microsoft.com/"]
    where text.lowercased().hasPrefix(host) {
      text = text.dropFirst(host.count - 1)
      let segments = text.split(separator: "/", maxSplits: 1)
      if let first = segments.first, Locales.isLocaleName(String(first)) {
        text = "/" + (segments.count > 1 ? segments[1] : "")
      }
    }
    guard text.hasPrefix("/"), !text.hasPrefix("//") else { return nil }
    return String(text)
  }
}

/// Every docset's content and resource mappings, with their folders from the repository root.
struct Mappings: Sendable {
  struct Mapping: Sendable {
    var docset: Int
    /// `src` from the repository root.
    var folder: String
    var group: DocfxConfiguration.FileGroup
    var isContent: Bool
  }

  /// What every mapping excludes (`Config.DefaultExclude`).
  static let defaultExclude = ["_site/**", "_localization/**", "_themes/**", "_themes.pdf/**"].map(
    DocfxGlob.init)

  let mappings: [Mapping]

  init(docsets: [LearnRepository.Docset]) {
    var mappings: [Mapping] = []
    for (index, docset) in docsets.enumerated() {
      let configuration = docset.configuration
      for (groups, isContent) in [(configuration.content, true), (configuration.resource, false)] {
        for group in groups {
          // A `src` that climbs above the repository maps nothing.
          guard let folder = RelativePath.resolve(group.source, from: docset.folder) else {
            continue
          }
          mappings.append(
            Mapping(docset: index, folder: folder, group: group, isContent: isContent))
        }
      }
    }
    self.mappings = mappings
  }

  /// Where a Markdown file would be published, to pair it with its translation or source:
  /// the first content mapping that takes it, else (an include, which content mappings
  /// exclude) the first whose folder holds it; with the monikers of that mapping's version.
  func pairing(of path: String, groups: [[String: String]]) -> (key: String, monikers: Set<String>)?
  {
    let lowered = path.lowercased()
    let candidates = mappings.filter {
      $0.isContent && RelativePath.relative(lowered, to: $0.folder.lowercased()) != nil
    }
    guard !candidates.isEmpty else { return nil }
    let chosen =
      candidates.first { mapping in
        let inSource = Self.inSource(path, mapping)
        return mapping.group.files.contains { $0.matches(inSource) }
          && !mapping.group.exclude.contains { $0.matches(inSource) }
      } ?? candidates[0]
    let inSource = Self.inSource(path, chosen)
    let destination = chosen.group.destination
    let published = destination.isEmpty ? inSource : destination + "/" + inSource
    let range =
      chosen.group.version ?? chosen.group.group.flatMap { groups[chosen.docset][$0] } ?? ""
    return (published.lowercased(), Set(MonikerRange.names(range).map { $0.lowercased() }))
  }

  /// A path below a mapping's folder (matched without regard to case), as written.
  private static func inSource(_ path: String, _ mapping: Mapping) -> String {
    let depth = mapping.folder.isEmpty ? 0 : mapping.folder.split(separator: "/").count
    return path.split(separator: "/").dropFirst(depth).joined(separator: "/")
  }

  /// Where the first mapping that takes a file (content before resources) publishes it.
  /// The `src` folder is matched without regard to case, as the build's checkout is.
  func publication(of path: String) -> LearnRepository.Publication? {
    let lowered = path.lowercased()
    for mapping in mappings {
      guard RelativePath.relative(lowered, to: mapping.folder.lowercased()) != nil else {
        continue
      }
      let depth = mapping.folder.isEmpty ? 0 : mapping.folder.split(separator: "/").count
      let original = path.split(separator: "/").dropFirst(depth).joined(separator: "/")
      guard mapping.group.files.contains(where: { $0.matches(original) }),
        !mapping.group.exclude.contains(where: { $0.matches(original) }),
        !Self.defaultExclude.contains(where: { $0.matches(original) })
      else { continue }
      let destination = mapping.group.destination
      return LearnRepository.Publication(
        docset: mapping.docset,
        path: destination.isEmpty ? original : destination + "/" + original,
        isContent: mapping.isContent, group: mapping.group.group)
    }
    return nil
  }
}
