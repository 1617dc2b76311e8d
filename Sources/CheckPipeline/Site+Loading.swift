import DocSite
import Foundation
import Localization

extension Site {
  /// The tree a command works on: the one named, else the working folder when it is a
  /// Learn repository, else `docs`.
  public static func rootForCommand(_ given: String?) throws -> String {
    if let given { return given }
    do {
      return try TreeDiscovery.defaultRoot()
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// Loads the tree a command works on; a tree that cannot be loaded stops the command with
  /// its one-line reason (exit status 2).
  public static func loadForCommand(
    _ root: String, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws -> Site {
    do {
      var site = try await Site.load(
        root: root, knownRules: RuleRegistry.knownIDs, progress: progress)
      // Reports show locations from the repository's root: messages name paths the same way.
      site.messageRoot = site.reportBase.rootPrefix
      return site
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// Reads the configuration and walks the tree without parsing, for commands that parse
  /// only part of it.
  public static func scanForCommand(_ root: String) throws -> Site {
    do {
      var site = try Site.scan(root: root, knownRules: RuleRegistry.knownIDs)
      site.messageRoot = site.reportBase.rootPrefix
      return site
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// Stops the command (status 2) when a `--locale` names no locale of this tree.
  public func requireLocales(_ selected: [String]) throws {
    let known = locales.map(\.name)
    for locale in selected where !known.contains(locale) {
      throw ToolFailure(SiteError.unknownLocale(locale, known: known).description)
    }
  }
}

extension Site {
  /// What translations of this tree are compared across: its locale folders side by side,
  /// or, when `source` is given (`--source`) or docproof.yml names `source:` or
  /// `translations:`, this tree and the other repositories' clones.
  public func localizationSides(source given: String?) async throws -> LocalizationSides {
    func load(_ path: String, named: String) async throws -> Site {
      guard FileTree.realPath(path) != nil else {
        throw ToolFailure("cannot compare with \(named): no such directory")
      }
      let other = try await Site.loadForCommand(path)
      guard other.tree.realRoot != tree.realRoot else {
        throw ToolFailure("\(named) is \(rootPath) itself: name the other repository's clone")
      }
      return other
    }
    /// A path written in docproof.yml is relative to this tree's root.
    func configured(_ path: String) -> String {
      path.hasPrefix("/") ? path : (rootPath.hasSuffix("/") ? rootPath : rootPath + "/") + path
    }
    if let sourcePath = given ?? configuration.sourceRepository.map(configured) {
      let source = try await load(sourcePath, named: sourcePath)
      return LocalizationSides(
        source: source, translations: [(sourceLocale.name, self)], reported: self)
    }
    if !configuration.translationRepositories.isEmpty {
      var translations: [(locale: String, site: Site)] = []
      for repository in configuration.translationRepositories {
        let path = configured(repository.path)
        translations.append((repository.locale, try await load(path, named: path)))
      }
      return LocalizationSides(source: self, translations: translations, reported: self)
    }
    return .sideBySide(self)
  }
}

/// "Now" for reports that count days: `SOURCE_DATE_EPOCH` (seconds since 1970, as
/// reproducible builds set it) when set, so that a report can be reproduced; else the clock.
public enum RunClock {
  public static var now: Date {
    if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
      let seconds = TimeInterval(text)
    {
      return Date(timeIntervalSince1970: seconds)
    }
    return Date()
  }
}
