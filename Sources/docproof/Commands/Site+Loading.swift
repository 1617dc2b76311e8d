import Checks
import DocSite

extension Site {
  /// The tree a command works on: the one named, else the working folder when it is a
  /// Learn repository, else `docs`.
  static func rootForCommand(_ given: String?) throws -> String {
    if let given { return given }
    do {
      return try TreeDiscovery.defaultRoot()
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// Loads the tree a command works on; a tree that cannot be loaded stops the command with
  /// its one-line reason (exit status 2).
  static func loadForCommand(
    _ root: String, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws -> Site {
    do {
      var site = try await Site.load(root: root, knownRules: Rules.knownIDs, progress: progress)
      // Reports show locations under the root as named: messages name paths the same way.
      site.messageRoot = root
      return site
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// Reads the configuration and walks the tree without parsing, for commands that parse
  /// only part of it.
  static func scanForCommand(_ root: String) throws -> Site {
    do {
      var site = try Site.scan(root: root, knownRules: Rules.knownIDs)
      site.messageRoot = root
      return site
    } catch {
      throw ToolFailure(error.description)
    }
  }

  /// Stops the command (status 2) when a `--locale` names no locale of this tree.
  func requireLocales(_ selected: [String]) throws {
    let known = locales.map(\.name)
    for locale in selected where !known.contains(locale) {
      throw ToolFailure(SiteError.unknownLocale(locale, known: known).description)
    }
  }
}
