import Foundation
import Testing

/// Golden files: expected outputs kept beside the fixtures.
///
/// Run the tests with `DOCPROOF_RECORD=1` to write them (the recording run fails, so that it
/// is never mistaken for a pass); otherwise a missing or different golden file fails the test. Recording is refused when `CI` is set, so that CI never
/// rewrites its own expectations.
public enum Golden {
  /// Whether this run records golden files instead of comparing with them.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["DOCPROOF_RECORD"] == "1"
  }

  /// Compares `actual` with the golden file at `url` (or records it).
  public static func check(
    _ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if isRecording {
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record(
          "DOCPROOF_RECORD=1 is refused in CI: record golden files locally",
          sourceLocation: sourceLocation)
        return
      }
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url, options: .atomic)
        // A recording run fails, so that it is never mistaken for a passing one.
        Issue.record(
          "recorded \(url.lastPathComponent): run the tests again without DOCPROOF_RECORD",
          sourceLocation: sourceLocation)
      } catch {
        Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "missing golden file \(url.path): run the tests with DOCPROOF_RECORD=1 to record it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      Issue.record(
        """
        output differs from \(url.lastPathComponent) (re-record with DOCPROOF_RECORD=1 if the \
        change is intended):
        \(firstDifference(expected, actual))
        """, sourceLocation: sourceLocation)
    }
  }

  /// The first differing line of two texts, for a readable failure.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
      let l = index < left.count ? String(left[index]) : "<end of file>"
      let r = index < right.count ? String(right[index]) : "<end of file>"
      if l != r { return "line \(index + 1):\n- \(l)\n+ \(r)" }
    }
    return "(no line differs)"
  }
}
