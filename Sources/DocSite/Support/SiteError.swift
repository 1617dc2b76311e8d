/// Why a docs tree cannot be checked at all (the tool exits with status 2).
public enum SiteError: Error, Sendable, Hashable, CustomStringConvertible {
  case rootNotFound(String)
  case rootNotADirectory(String)
  case configuration(ConfigurationError)
  case sourceLocaleMissing(root: String, locale: String, found: [String])
  case unknownLocale(String, known: [String])
  /// No tree was named and the working folder holds none.
  case nothingToCheck(folder: String)
  /// A locale folder is a symbolic link out of the tree.
  case localeOutsideRoot(root: String, locale: String, target: String)

  public var description: String {
    switch self {
    case .rootNotFound(let root):
      "cannot check \(root): no such directory"
    case .rootNotADirectory(let root):
      "cannot check \(root): it is not a directory"
    case .configuration(let error):
      error.description
    case .sourceLocaleMissing(let root, let locale, let found):
      "\(root) has no '\(locale)' folder for the source locale"
        + (found.isEmpty
          ? "" : " (found: \(found.joined(separator: ", "))); set sourceLocale in docproof.yml")
    case .localeOutsideRoot(let root, let locale, let target):
      "cannot check \(root): its locale folder '\(locale)' is a symbolic link to \(target), "
        + "outside the tree, and is never read; check that folder as a tree of its own"
    case .nothingToCheck(let folder):
      "nothing to check in \(folder): it holds neither \(LearnRepository.markerFiles.joined(separator: " nor ")) "
        + "(a Learn repository), nor \(Configuration.fileName), nor a docs folder; name the tree "
        + "to check (docproof check ROOT)"
    case .unknownLocale(let locale, let known):
      "no locale '\(locale)' in this tree (locales: \(known.joined(separator: ", ")))"
    }
  }
}
