import ArgumentParser
import CheckPipeline
import DocSite
import Foundation
import Transcripts

/// `docproof clone-dependencies [ROOT]`: clones the dependent repositories a Learn
/// repository's publish configuration names and the checkout lacks.
struct CloneDependenciesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clone-dependencies",
    abstract: "Clone the dependent repositories of a Learn repository that are not cloned yet.",
    discussion: """
      Each repository of dependent_repositories in .openpublishing.publish.config.json that \
      is not at its path_to_root is cloned there (shallow, its configured branch), so that \
      'docproof check' checks what pages take from it. Template repositories (_themes, ...) \
      hold no content and are skipped. Exit status: 0 when every clone succeeded, 1 when \
      one failed, 2 when the tree is not a Learn repository.
      """)

  @Argument(
    help: ArgumentHelp(
      "The Learn repository (default: the working folder).", valueName: "root"))
  var givenRoot: String?

  @Flag(help: "List what would be cloned, and clone nothing.")
  var dryRun = false

  func run() async throws {
    let root = givenRoot ?? "."
    let site = try Site.scanForCommand(root)
    guard let learn = site.learn, learn.publishConfiguration != nil else {
      throw ToolFailure(
        "\(root) has no \(PublishConfiguration.fileName): it names no dependent repositories")
    }
    var failed = 0
    var cloned = 0
    for dependency in learn.dependencies {
      let repository = dependency.repository
      if dependency.isPresent {
        say("\(repository.path): present")
        continue
      }
      if DependencyCloner.isTemplate(repository.path) {
        say("\(repository.path): skipped (the build's templates, not content)")
        continue
      }
      if dryRun {
        say("\(repository.path): would clone \(repository.url) (branch \(repository.branch))")
        continue
      }
      say("\(repository.path): cloning \(repository.url) (branch \(repository.branch))")
      switch await DependencyCloner.clone(repository, root: root) {
      case .cloned:
        cloned += 1
      case .failed(let reason):
        failed += 1
        say("\(repository.path): not cloned: \(reason)")
      }
    }
    if !dryRun {
      say(
        "cloned \(cloned) repositor\(cloned == 1 ? "y" : "ies")\(failed > 0 ? ", \(failed) failed" : "")"
      )
    }
    if failed > 0 { throw ExitCode(1) }
  }

  private func say(_ line: String) {
    FileHandle.standardError.write(Data("docproof: \(line)\n".utf8))
  }
}
