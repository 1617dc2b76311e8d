/// Why `--changed-since` cannot work out what changed.
public enum IncrementalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// git is missing or the tree is not in a repository.
  case notInRepository(root: String)
  /// The reference names no commit here (a shallow clone, a branch never fetched).
  case unknownReference(String)
  /// git ran but failed; its message.
  case git(command: String, message: String)

  public var description: String {
    switch self {
    case .notInRepository(let root):
      "--changed-since needs a git repository, and \(root) is not in one (or git is not installed)"
    case .unknownReference(let reference):
      "--changed-since: '\(reference)' is not a commit of this repository; fetch it first "
        + "(for example 'git fetch origin main', or 'fetch-depth: 0' in a shallow CI checkout)"
    case .git(let command, let message):
      "--changed-since: '\(command)' failed: \(message)"
    }
  }
}
