import DocModel

extension LearnRepository {
  /// The metadata key naming a page's pivot definitions, a published path.
  static let pivotFileKey = "zone_pivot_group_filename"

  /// Where a page's pivot definitions come from.
  public struct PivotDefinition: Sendable, Hashable {
    /// The source file, when one publishes at the named path.
    public var file: String?
    /// What was looked for, for messages (`zone-pivots/azure-aks/zone-pivot-groups.yml,
    /// named by globalMetadata in docfx.json`).
    public var looked: String
  }

  /// The pivot definition file of a page: the `zone_pivot_group_filename` its front
  /// matter, fileMetadata or globalMetadata names (a published path, mapped back to the
  /// content file published there), else the docset's `zone-pivot-groups.yml`.
  public func pivotDefinition(forPage path: String, frontMatter: FrontMatter) -> PivotDefinition {
    guard let index = docsetIndex(of: path) else {
      return PivotDefinition(file: nil, looked: "docset holding \(path)")
    }
    if let named = frontMatter.string(Self.pivotFileKey) {
      return definition(named: named, origin: "front matter", docset: index)
    }
    if let (value, origin) = metadata(of: path)[Self.pivotFileKey], let named = value.scalarText {
      return definition(named: named, origin: origin, docset: index)
    }
    let folder = docsets[index].folder
    if let file = content(at: "zone-pivot-groups", docset: index) {
      return PivotDefinition(file: file, looked: file)
    }
    let file = folder.isEmpty ? "zone-pivot-groups.yml" : folder + "/zone-pivot-groups.yml"
    return PivotDefinition(file: file, looked: file)
  }

  /// The file a page's front matter names as its pivot definitions, if it names one.
  public func pivotDefinitionFile(named page: Page, at path: String) -> String? {
    guard page.frontMatter.string(Self.pivotFileKey) != nil else { return nil }
    return pivotDefinition(forPage: path, frontMatter: page.frontMatter).file
  }

  /// Every pivot definition file the configuration names (global and file metadata, and
  /// each docset's default), for reading before any page is parsed.
  func pivotDefinitionFiles(tree: FileTree) -> [String] {
    var files: [String] = []
    for (index, docset) in docsets.enumerated() {
      let configuration = docset.configuration
      var named =
        configuration.fileMetadata[Self.pivotFileKey]?.compactMap { $0.value.scalarText }
        ?? []
      if let global = configuration.globalMetadata[Self.pivotFileKey]?.scalarText {
        named.append(global)
      }
      for name in named {
        if let file = definition(named: name, origin: "", docset: index).file { files.append(file) }
      }
      let empty = FrontMatter()
      if let file = pivotDefinition(forPage: docset.folder, frontMatter: empty).file {
        files.append(file)
      }
    }
    return files
  }

  private func definition(named: String, origin: String, docset index: Int) -> PivotDefinition {
    var published = named.replacingOccurrences(of: "\\", with: "/")
    while published.hasPrefix("/") { published.removeFirst() }
    let key = Self.urlKey(published: published, isContent: true)
    if let file = content(at: key, docset: index) {
      return PivotDefinition(file: file, looked: file)
    }
    // The build looks the file up under the first segment of the page's URL: with a base
    // of several segments (`/cli/azure/`), the name may repeat the rest of the base.
    if let base = siteBase?.prefix.split(separator: "/").dropFirst(), !base.isEmpty {
      let prefix = base.joined(separator: "/").lowercased() + "/"
      if key.hasPrefix(prefix),
        let file = content(at: String(key.dropFirst(prefix.count)), docset: index)
      {
        return PivotDefinition(file: file, looked: file)
      }
    }
    return PivotDefinition(
      file: nil,
      looked: "content file published at '\(published)' (\(Self.pivotFileKey) in \(origin))")
  }

  /// The content file of a docset published at a URL key, if any.
  func content(at key: String, docset index: Int) -> String? {
    byURL[key]?.first { publications[$0]?.docset == index }
  }
}
