import DocModel
import DocSite
import Foundation

/// Golden transcripts: the exact output of each scenario's reference run, one file per
/// scenario, inside the project root.
public struct GoldenStore: Sendable {
  /// The project root, absolute and real.
  public let projectRoot: String

  public init(projectRoot: String) {
    self.projectRoot = projectRoot
  }

  /// The project root of a site: `project:` of docproof.yml, from the docs root.
  public init(site: Site) {
    let joined = site.tree.realRoot + "/" + site.configuration.project
    projectRoot = (joined as NSString).standardizingPath
  }

  /// The absolute path of a scenario's golden file.
  public func absolutePath(_ scenario: Configuration.Scenario) -> String {
    projectRoot + "/" + scenario.golden
  }

  /// The golden file's path as reports show it: relative to the docs root.
  public func reportPath(_ scenario: Configuration.Scenario, site: Site) -> String {
    let project = site.configuration.project
    return project == "." ? scenario.golden : project + "/" + scenario.golden
  }

  /// The golden text, or `nil` when the file does not exist.
  public func read(_ scenario: Configuration.Scenario) throws(FileReadError) -> String? {
    let path = absolutePath(scenario)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let confined = ProjectPath.confined(path, projectRoot: projectRoot) else {
      throw FileReadError(path: scenario.golden, reason: .other("it leads outside the project"))
    }
    return String(decoding: try FileReader.read(confined), as: UTF8.self)
  }

  /// Writes the golden text atomically: the old or the new file, whole, is always there.
  public func write(_ text: String, for scenario: Configuration.Scenario) throws {
    guard let confined = ProjectPath.confined(absolutePath(scenario), projectRoot: projectRoot)
    else {
      throw FileReadError(path: scenario.golden, reason: .other("it leads outside the project"))
    }
    try AtomicFile.write(
      Data(text.utf8), to: confined,
      temporaryFolder: CacheDirectory.temporaryFolder(
        realRoot: FileTree.realPath(projectRoot) ?? projectRoot))
  }
}
