import DocModel

extension Site {
  /// The metadata the build gives a page besides its front matter (which wins over it): in
  /// a Learn repository, docfx.json's globalMetadata and fileMetadata; elsewhere none.
  public func inheritedMetadata(of path: String) -> [String: (value: YAMLValue, origin: String)] {
    learn?.metadata(of: path) ?? [:]
  }

  /// The pivot groups a page may name, and the file that defines them (or, when there is
  /// none, what was looked for).
  public func pivotDefinitions(forPage path: String, page: Page) -> (
    groups: PivotGroups?, looked: String
  ) {
    if let learn {
      let definition = learn.pivotDefinition(forPage: path, frontMatter: page.frontMatter)
      return (
        definition.file.flatMap { pivotGroups[$0] },
        definition.file.map { unreadable($0) ?? displayPath($0) } ?? definition.looked
      )
    }
    let locale = locale(of: path)
    let file = locale.path(configuration.zonePivotGroupsFile)
    return (pivotGroups(for: locale), unreadable(file) ?? displayPath(file))
  }

  /// A file that is there but never read (a link out of the tree, a dangling one), named
  /// with why, for "there is no ..." messages.
  func unreadable(_ file: String) -> String? {
    switch tree[file] {
    case .outsideRoot(let target):
      "readable \(displayPath(file)) (it is a symbolic link to \(target), outside the tree, never read)"
    case .broken(let reason): "readable \(displayPath(file)) (it is \(reason))"
    default: nil
    }
  }
}

extension Site {
  /// What a run on this tree takes as given, one sentence each, for the report: in a Learn
  /// repository, the docsets a sparse checkout left out and, when pages have site-absolute
  /// links, their base URL and where it comes from.
  public func context(siteAbsoluteLinks: Int) -> [String] {
    guard let learn else { return [] }
    let absent = learn.absentDocsets.map {
      "docset '\($0.name)' (\($0.folder)/) is not in this checkout: not checked"
    }
    guard siteAbsoluteLinks > 0 else { return absent }
    return absent + siteBaseContext(learn)
  }

  private func siteBaseContext(_ learn: LearnRepository) -> [String] {
    guard let base = learn.siteBase else {
      return [
        "site-absolute links are not checked: no base URL in links.siteRoots, and none "
          + "could be inferred from the repository's redirections"
      ]
    }
    return [
      "site-absolute links under \(base.prefix) lead to this repository's pages, \(base.origin)"
    ]
  }

  /// A root-relative path as a message names it: under `messageRoot`, the base reports show
  /// locations on.
  public func displayPath(_ relative: String) -> String {
    ReportBase.path(relative, under: messageRoot)
  }
}

extension Site {
  /// Where this tree's reports start their paths (see `ReportBase`).
  public var reportBase: ReportBase {
    ReportBase.find(root: rootPath, project: configuration.project)
  }
}
