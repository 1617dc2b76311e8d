import DocSite
import Foundation
import Subprocess

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// Clones a Learn repository's absent dependent repositories where the build puts them:
/// shallow, on the configured branch, git's progress shown on standard error.
public enum DependencyCloner {
  /// Dependent repositories that hold the build's templates, not content pages use.
  static let templatePaths = ["_themes", "_themes.pdf"]

  /// Whether a dependent repository holds templates or packages rather than content.
  public static func isTemplate(_ path: String) -> Bool {
    templatePaths.contains(path) || path.hasPrefix("_dependentPackages")
  }

  /// What became of one repository.
  public enum Outcome: Sendable, Equatable {
    case cloned
    case failed(String)
  }

  /// Clones `repository` into its path under `root` (the repository root). Never prompts
  /// for credentials: a private repository fails with git's message instead of waiting.
  public static func clone(
    _ repository: PublishConfiguration.DependentRepository, root: String
  ) async -> Outcome {
    // The path is relative and climbs nowhere (the publish configuration was checked); a
    // folder on the way may still be a link out of the root: judged by real path.
    guard let realRoot = FileTree.realPath(root), !RelativePath.escapes(repository.path) else {
      return .failed("\(repository.path) leads out of \(root)")
    }
    let target = realRoot + "/" + repository.path
    let parent = (target as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    } catch {
      return .failed("cannot create \(parent): \(error.localizedDescription)")
    }
    guard ProjectPath.confined(target, projectRoot: realRoot) != nil else {
      return .failed("\(repository.path) leads out of \(root) through a symbolic link")
    }
    do {
      let result = try await Subprocess.run(
        .name("git"),
        arguments: [
          "clone", "--depth", "1", "--branch", repository.branch, "--progress", "--",
          repository.url, target,
        ],
        environment: .inherit.updating(["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]),
        output: .currentStandardError, error: .currentStandardError)
      switch result.terminationStatus {
      case .exited(0): return .cloned
      case .exited(let code): return .failed("git clone exited with status \(code)")
      default: return .failed("git clone was stopped by a signal")
      }
    } catch {
      return .failed("cannot run git: \(error)")
    }
  }
}
