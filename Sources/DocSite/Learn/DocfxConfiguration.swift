import DocModel

/// What a docset's `docfx.json` says about its files: which are content (pages) and
/// resources, where each is published, and the metadata the build adds to every page.
public struct DocfxConfiguration: Sendable, Hashable {
  /// The file name in a docset's folder.
  public static let fileName = "docfx.json"

  /// One entry of `build.content` or `build.resource`: the files under `source` that match
  /// `files` and no `exclude`, published under `destination`.
  public struct FileGroup: Sendable, Hashable {
    /// `src`, relative to the docset folder (`""` for the folder itself).
    public var source: String
    /// `dest`, the published folder (`""` for the site root of the docset).
    public var destination: String
    public var files: [DocfxGlob]
    public var exclude: [DocfxGlob]
    /// `group`: a version group, with a moniker range in `build.groups`.
    public var group: String?
    /// `version`: the moniker range of what it publishes, written on the mapping itself.
    public var version: String? = nil
    /// The entry's line in docfx.json.
    public var line: Int

    /// Where a file (relative to the docset folder) is published, relative to the docset's
    /// site root, when this group takes it.
    public func publishedPath(of file: String) -> String? {
      guard let inSource = RelativePath.relative(file, to: source) else { return nil }
      guard files.contains(where: { $0.matches(inSource) }),
        !exclude.contains(where: { $0.matches(inSource) })
      else { return nil }
      return destination.isEmpty ? inSource : destination + "/" + inSource
    }
  }

  /// One `build.fileMetadata` value and the files (globs relative to the docset folder) it
  /// applies to.
  public struct FileMetadata: Sendable, Hashable {
    public var glob: DocfxGlob
    public var value: YAMLValue
  }

  /// The file, relative to the repository root.
  public var path: String
  public var content: [FileGroup] = []
  public var resource: [FileGroup] = []
  /// `build.globalMetadata`: every page's.
  public var globalMetadata: [String: YAMLValue] = [:]
  /// `build.fileMetadata`: per key, the globs and their values, in file order.
  public var fileMetadata: [String: [FileMetadata]] = [:]
  /// `build.groups`: each version group's moniker range.
  public var groups: [String: String] = [:]

  /// Reads the file's bytes; `path` is where errors point.
  public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError)
    -> DocfxConfiguration
  {
    let top = try JSONReader.read(bytes, path: path)
    var result = DocfxConfiguration(path: path)
    guard let build = try top.dictionary().first(where: { $0.0 == "build" })?.1 else {
      return result
    }
    for (key, value) in try build.dictionary() {
      switch key {
      case "content":
        for item in try value.list() { result.content.append(try fileGroup(item)) }
      case "resource":
        for item in try value.list() { result.resource.append(try fileGroup(item)) }
      case "globalMetadata":
        for (name, item) in try value.dictionary() {
          result.globalMetadata[name] = item.node.yamlValue
        }
      case "fileMetadata":
        for (name, item) in try value.dictionary() {
          var values: [FileMetadata] = []
          for (glob, setting) in try item.dictionary() {
            values.append(FileMetadata(glob: DocfxGlob(glob), value: setting.node.yamlValue))
          }
          result.fileMetadata[name] = values
        }
      case "groups":
        for (name, item) in try value.dictionary() {
          for (field, setting) in try item.dictionary() where field == "moniker_range" {
            result.groups[name] = try setting.string()
          }
        }
      default:
        continue
      }
    }
    return result
  }

  private static func fileGroup(_ item: JSONReader) throws(ConfigurationError) -> FileGroup {
    // `files` defaults to everything under `src`, as the build's does.
    var group = FileGroup(
      source: "", destination: "", files: [DocfxGlob("**")], exclude: [], group: nil,
      line: item.line)
    if item.isScalar {
      // A bare glob: files of the docset folder, published as they are.
      group.files = [DocfxGlob(try item.string())]
      return group
    }
    for (key, value) in try item.dictionary() {
      switch key {
      case "src": group.source = try folder(value)
      case "dest": group.destination = try folder(value)
      case "files": group.files = try value.stringList().map(DocfxGlob.init)
      case "exclude": group.exclude = try value.stringList().map(DocfxGlob.init)
      case "group": group.group = try value.string()
      case "version": group.version = try value.string()
      default: continue
      }
    }
    return group
  }

  /// A folder relative to the docset folder, normalized; it may climb out of the docset
  /// (`../samples`) but the repository root is the limit, judged where it is used.
  private static func folder(_ value: JSONReader) throws(ConfigurationError) -> String {
    var written = try value.string().replacingOccurrences(of: "\\", with: "/")
    while written.hasPrefix("/") { written.removeFirst() }
    return RelativePath.normalized(written)
  }
}
