/// What `.openpublishing.publish.config.json` at a Learn repository's root says: the
/// docsets the repository publishes and the repositories its pages take content from.
public struct PublishConfiguration: Sendable, Hashable {
  /// The file name at the repository root.
  public static let fileName = ".openpublishing.publish.config.json"

  /// One entry of `docsets_to_publish`.
  public struct Docset: Sendable, Hashable {
    public var name: String
    /// `build_source_folder`, relative to the repository root (`""` for the root itself).
    public var folder: String
    /// The docset's locale (`en-us` when the entry names none).
    public var locale: String
    /// The monikers (versions) the docset publishes: `monikers` and `moniker_ranges`.
    public var monikers: [String] = []
    /// The entry's line in the file.
    public var line: Int
  }

  /// One entry of `dependent_repositories`: a repository the build clones beside the
  /// docset, at `path_to_root`.
  public struct DependentRepository: Sendable, Hashable {
    /// `path_to_root`, relative to the repository root.
    public var path: String
    public var url: String
    /// The branch the build clones (`main` when the entry names none).
    public var branch: String
    /// `include_in_build`: its files that the docset's content globs take are pages too.
    public var includeInBuild = false
    /// The entry's line in the file.
    public var line: Int
  }

  /// The file, relative to the repository root.
  public var path: String
  public var docsets: [Docset]
  public var dependencies: [DependentRepository]

  /// Reads the file's bytes; `path` is where findings and errors point.
  public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError)
    -> PublishConfiguration
  {
    let top = try JSONReader.read(bytes, path: path)
    var result = PublishConfiguration(path: path, docsets: [], dependencies: [])
    for (key, value) in try top.dictionary() {
      switch key {
      case "docsets_to_publish":
        for item in try value.list() { result.docsets.append(try docset(item)) }
      case "dependent_repositories":
        for item in try value.list() { result.dependencies.append(try dependency(item)) }
      default:
        continue  // the build's other settings say nothing about the content
      }
    }
    return result
  }

  private static func docset(_ item: JSONReader) throws(ConfigurationError) -> Docset {
    var docset = Docset(name: "", folder: "", locale: "en-us", line: item.line)
    for (key, value) in try item.dictionary() {
      switch key {
      case "docset_name": docset.name = try value.string()
      case "build_source_folder": docset.folder = try folder(value)
      case "locale": docset.locale = try value.string().lowercased()
      case "monikers", "moniker_ranges":
        docset.monikers += try value.stringList().flatMap(MonikerRange.names)
      default: continue
      }
    }
    return docset
  }

  private static func dependency(_ item: JSONReader) throws(ConfigurationError)
    -> DependentRepository
  {
    var path: String?
    var url = ""
    var branch = "main"
    var includeInBuild = false
    for (key, value) in try item.dictionary() {
      switch key {
      case "path_to_root": path = try folder(value)
      case "url": url = try value.string()
      case "branch": branch = try value.string()
      case "include_in_build": includeInBuild = value.bool ?? false
      default: continue
      }
    }
    guard let path, !path.isEmpty else {
      throw item.error("a dependent repository needs a 'path_to_root' inside the repository")
    }
    return DependentRepository(
      path: path, url: url, branch: branch, includeInBuild: includeInBuild, line: item.line)
  }

  /// A folder relative to the repository root, normalized (`.` and `./x/` → `""` and `x`).
  static func folder(_ value: JSONReader) throws(ConfigurationError) -> String {
    let written = try value.string().replacingOccurrences(of: "\\", with: "/")
    guard !written.hasPrefix("/"), let folder = RelativePath.resolve(written, from: "") else {
      throw value.error("'\(written)' must be a folder inside the repository")
    }
    return folder
  }
}
