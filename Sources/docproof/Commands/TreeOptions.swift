import ArgumentParser
import CheckPipeline
import DocSite

/// The tree a command works on: the argument `check`, `l10n` and `transcripts` share.
struct TreeArgument: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The tree to check (default: the working folder when it holds .openpublishing.publish.config.json or docfx.json, else docs).",
      valueName: "root"))
  var givenRoot: String?

  /// The tree named, or the one found in the working folder.
  func root() throws -> String { try Site.rootForCommand(givenRoot) }
}

/// Where a report goes and which locales it covers: the options `check` and `l10n` share.
struct ReportScope: ParsableArguments {
  @Option(help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(name: .customLong("locale"), help: "Only report on this locale (repeatable).")
  var locales: [String] = []
}
