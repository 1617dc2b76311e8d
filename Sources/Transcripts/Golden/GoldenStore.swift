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
    try write(text, to: absolutePath(scenario), shownAs: scenario.golden)
  }

  // MARK: Pending results

  /// The suffix of a pending result beside its golden file (`golden/x.txt.new`), as
  /// `cargo insta` keeps `.snap.new` beside `.snap`.
  public static let pendingSuffix = ".new"

  /// The absolute path of a scenario's pending result.
  public func pendingPath(_ scenario: Configuration.Scenario) -> String {
    absolutePath(scenario) + Self.pendingSuffix
  }

  /// The pending result's text, or `nil` when there is none.
  public func readPending(_ scenario: Configuration.Scenario) throws(FileReadError) -> String? {
    let path = pendingPath(scenario)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let confined = ProjectPath.confined(path, projectRoot: projectRoot) else {
      throw FileReadError(
        path: scenario.golden + Self.pendingSuffix, reason: .other("it leads outside the project"))
    }
    return String(decoding: try FileReader.read(confined), as: UTF8.self)
  }

  /// Writes a pending result atomically, leaving the golden file as it is.
  public func writePending(_ text: String, for scenario: Configuration.Scenario) throws {
    try write(text, to: pendingPath(scenario), shownAs: scenario.golden + Self.pendingSuffix)
  }

  /// Makes the pending result the golden file, in one rename: the old or the new golden
  /// file, whole, is always there.
  public func acceptPending(_ scenario: Configuration.Scenario) throws {
    guard let pending = ProjectPath.confined(pendingPath(scenario), projectRoot: projectRoot),
      let golden = ProjectPath.confined(absolutePath(scenario), projectRoot: projectRoot)
    else {
      throw FileReadError(path: scenario.golden, reason: .other("it leads outside the project"))
    }
    guard rename(pending, golden) == 0 else {
      throw FileReadError(path: scenario.golden, reason: .other(String(cString: strerror(errno))))
    }
  }

  /// Deletes the pending result; the golden file stays as it is.
  public func rejectPending(_ scenario: Configuration.Scenario) throws {
    guard let pending = ProjectPath.confined(pendingPath(scenario), projectRoot: projectRoot)
    else {
      throw FileReadError(
        path: scenario.golden + Self.pendingSuffix, reason: .other("it leads outside the project"))
    }
    guard unlink(pending) == 0 || errno == ENOENT else {
      throw FileReadError(
        path: scenario.golden + Self.pendingSuffix,
        reason: .other(String(cString: strerror(errno))))
    }
  }

  private func write(_ text: String, to path: String, shownAs label: String) throws {
    guard let confined = ProjectPath.confined(path, projectRoot: projectRoot) else {
      throw FileReadError(path: label, reason: .other("it leads outside the project"))
    }
    try AtomicFile.write(
      Data(text.utf8), to: confined,
      temporaryFolder: CacheDirectory.temporaryFolder(
        realRoot: FileTree.realPath(projectRoot) ?? projectRoot))
  }
}
