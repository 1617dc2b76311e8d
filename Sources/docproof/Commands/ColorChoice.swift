import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `--color auto|always|never`, with the conventions of `NO_COLOR` and `FORCE_COLOR`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never

  /// Whether to color a report. `auto` colors a terminal unless `NO_COLOR` is set (to
  /// anything but the empty string) or `TERM` is `dumb`; `FORCE_COLOR` (not `0`) colors even
  /// a pipe, as in a CI log that shows colors. A report written to a file never is.
  func enabled(
    toFile: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
    terminal: Bool = isatty(STDOUT_FILENO) == 1
  ) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if toFile { return false }
      if let value = environment["NO_COLOR"], !value.isEmpty { return false }
      if let value = environment["FORCE_COLOR"], !value.isEmpty, value != "0" { return true }
      return terminal && environment["TERM"] != "dumb"
    }
  }
}
