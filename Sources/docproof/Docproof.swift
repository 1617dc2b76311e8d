import ArgumentParser
import CheckPipeline
import Foundation
import ProcessRunner
import Transcripts

#if canImport(Glibc)
  import Glibc
#endif

/// The `docproof` command line: proves multi-language quickstart pages are true.
///
/// Exit status: 0 when no error-level finding, 1 with error-level findings, 2 when the tool
/// could not run (usage, configuration, I/O).
@main
struct Docproof: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docproof",
    abstract: "Prove that multi-language documentation quickstarts are true.",
    version: Version.text,
    subcommands: [
      CheckCommand.self,
      L10nCommand.self,
      DumpCommand.self,
      TranscriptsCommand.self,
      GoldenCommand.self,
      RunCommand.self,
      CloneDependenciesCommand.self,
      InitCommand.self,
      RulesCommand.self,
      ExplainCommand.self,
      EmulatorCommand.self,
      GenerateCorpusCommand.self,
    ]
  )

  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      ProcessReaper.exit(0)
    } catch let failure as ToolFailure {
      printError("docproof: \(failure.description)")
      ProcessReaper.exit(2)
    } catch let code as ExitCode {
      ProcessReaper.exit(code.rawValue)
    } catch {
      let status = exitCode(for: error)
      if status == .success {
        print(fullMessage(for: error))
        ProcessReaper.exit(0)
      }
      printError(fullMessage(for: error))
      ProcessReaper.exit(2)
    }
  }

  private static func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
