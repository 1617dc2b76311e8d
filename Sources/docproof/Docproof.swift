import ArgumentParser

/// The `docproof` command line: proves multi-language quickstart pages are true.
@main
struct Docproof: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "docproof",
    abstract: "Prove that multi-language documentation quickstarts are true.",
    subcommands: [EmulatorCommand.self]
  )
}
