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
      return (definition.file.flatMap { pivotGroups[$0] }, definition.looked)
    }
    let locale = locale(of: path)
    return (pivotGroups(for: locale), locale.path(configuration.zonePivotGroupsFile))
  }
}
