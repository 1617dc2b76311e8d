import DocModel
import DocSite

/// The commented docproof.yml that `docproof init` writes for a tree: what docproof found
/// there (a Learn repository's docsets, or the locale folders and pivot groups of a
/// `docs/` tree), and the transcript candidates it saw, as selectors to bind to scenarios.
/// Everything it sets is what docproof already assumes, so the file changes no finding
/// until someone edits it.
public enum StarterConfiguration {
  /// Where editors find the schema for completion (yaml-language-server's modeline).
  public static let schemaURL =
    "https://raw.githubusercontent.com/docproof/docproof/main/schemas/docproof.schema.json"

  /// How many candidate groups are written as selectors; the rest are counted.
  static let selectorLimit = 8

  public static func render(for site: Site, candidates: [TranscriptCandidate]) -> String {
    var lines = [
      "# yaml-language-server: $schema=\(schemaURL)",
      "#",
      "# docproof's configuration, written by 'docproof init'. Every key is optional and every",
      "# value set here is what docproof assumes without it: edit it to change a finding.",
      "# 'docproof rules' lists the rules, 'docproof explain RULE' says what one finds.",
      "",
    ]
    if let learn = site.learn {
      lines += learnSection(learn)
    } else {
      lines += localeSection(site)
    }
    lines += [
      "",
      "# Required metadata on every page (includes are exempt).",
      "frontMatter:",
      "  required: [\(site.configuration.requiredFrontMatter.map(quoted).joined(separator: ", "))]",
      "",
      "# A severity per rule: error, warning, info or off.",
      "# rules:",
      "#   link-redirected: warning",
      "#   pivot-id-unused: off",
      "",
      "# Paths (globs from this folder) that are not checked, for every rule or some.",
      "# ignore:",
      "#   - archive/**",
      "#   - path: legacy/**",
      "#     rules: [file-not-found]",
      "",
    ]
    lines += transcriptSection(site, candidates: candidates)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func learnSection(_ learn: LearnRepository) -> [String] {
    var lines = [
      "# A Microsoft Learn repository: docsets, content, metadata, pivot groups, redirections",
      "# and dependent repositories come from its own configuration, as the Learn build reads",
      "# them:",
    ]
    for docset in learn.docsets {
      let folder = docset.folder.isEmpty ? "." : docset.folder
      lines.append("#   docset \(docset.name): \(folder) (\(docset.locale))")
    }
    let absent = learn.dependencies.filter { !$0.isPresent }
    if !absent.isEmpty {
      lines.append(
        "# \(absent.count) dependent repositor\(absent.count == 1 ? "y is" : "ies are") not cloned: 'docproof clone-dependencies' clones them."
      )
    }
    if learn.isLocalization {
      lines += [
        "#", "# A localization: name the clone of its source repository to compare with it.",
        "# source: ../SOURCE-REPOSITORY",
      ]
    } else {
      lines += [
        "#", "# Localizations kept in repositories of their own, to compare with this one:",
        "# translations:", "#   de-de: ../REPOSITORY.de-de",
      ]
    }
    return lines
  }

  private static func localeSection(_ site: Site) -> [String] {
    var lines = ["# The locale translations are made from, and the localized folders beside it."]
    lines.append(
      "sourceLocale: \(quoted(site.sourceLocale.name.isEmpty ? "en-us" : site.sourceLocale.name))")
    let translated = site.locales.filter { !$0.isSource }.map(\.name)
    if translated.isEmpty {
      lines.append("# locales: [de-de, sv-se]   # none found beside the source locale")
    } else {
      lines.append("locales: [\(translated.map(quoted).joined(separator: ", "))]")
    }
    lines += ["", "# The pivot groups pages may name, at each locale root."]
    let groups = site.pivotGroups(for: site.sourceLocale)
    lines.append("zonePivotGroups: \(quoted(site.configuration.zonePivotGroupsFile))")
    if let groups, !groups.groups.isEmpty {
      for group in groups.groups {
        lines.append(
          "#   \(group.id): \(group.pivots.map(\.id).joined(separator: ", "))")
      }
    } else {
      lines.append("#   (not found in the source locale: pages with zones need it)")
    }
    return lines
  }

  private static func transcriptSection(_ site: Site, candidates: [TranscriptCandidate])
    -> [String]
  {
    var lines = [
      "# Scenarios: programs whose output the pages' transcripts must show. A transcript is",
      "# a code block after '<!-- docproof: transcript NAME -->', or one a selector below",
      "# picks out. The project root holds the programs and golden/NAME.txt.",
    ]
    if site.configuration.scenarios.isEmpty {
      lines += [
        "# project: .",
        "# scenarios:",
        "#   quickstart:",
        "#     command: [path/to/program]   # from the project root",
        "#     emulator: none               # plain or tls: the Identity emulator, started for the run",
        "#     timeout: 120",
      ]
    }
    let groups = TranscriptCandidate.groups(
      candidates, localeFolder: site.learn == nil ? site.sourceLocale.folder : "")
    guard !groups.isEmpty else {
      return lines + ["#", "# No code block here looks like a program's output yet."]
    }
    let blocks = candidates.count
    let files = Set(candidates.map(\.file)).count
    lines += [
      "#",
      "# \(blocks) code block\(blocks == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") look\(blocks == 1 ? "s" : "") like a program's output. To compare them with a",
      "# scenario's run, uncomment a selector and name the scenario:",
      "# transcripts:",
    ]
    for group in groups.prefix(selectorLimit) {
      let first = group.candidates[0]
      var what =
        "\(group.candidates.count) ```\(group.language.isEmpty ? "(no info string)" : group.language) block"
      what += group.candidates.count == 1 ? "" : "s"
      if group.resultBlocks > 0 {
        what += ", \(group.resultBlocks) of them Innovation Engine result blocks"
      }
      lines += [
        "#   # \(what), e.g. \(first.file):\(first.line)",
        "#   - scenario: NAME",
        "#     files: \(quoted(group.files))",
      ]
      if !group.language.isEmpty { lines.append("#     info: \(quoted(group.language))") }
      if group.afterOutputParagraph {
        lines.append("#     lead: \(quoted(TranscriptCandidate.announcesOutput))")
      }
    }
    if groups.count > selectorLimit {
      let rest = groups.dropFirst(selectorLimit)
      let count = rest.reduce(0) { $0 + $1.candidates.count }
      lines.append(
        "#   # and \(count) more block\(count == 1 ? "" : "s") in \(rest.count) other folder\(rest.count == 1 ? "" : "s") or info strings"
      )
    }
    return lines
  }

  /// A YAML single-quoted scalar: nothing in it is special but the quote, doubled.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
