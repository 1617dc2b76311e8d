import DocSite
import Foundation
import Reporting

/// Where a command's report goes: standard output, or a file written atomically (then a
/// one-line summary on standard error, so a CI log still says how the run went).
enum ReportOutput {
  static func deliver(_ text: String, to output: String?, summary: String?) throws {
    guard let output else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    do {
      try AtomicFile.write(Data(text.utf8), to: output)
    } catch {
      throw ToolFailure("cannot write \(output): \(error.localizedDescription)")
    }
    if let summary { FileHandle.standardError.write(Data("docproof: \(summary)\n".utf8)) }
  }
}

/// The job summary of a GitHub Actions step: with `GITHUB_STEP_SUMMARY` set (by the runner,
/// to a file of its own), the report in Markdown is appended to it.
enum StepSummary {
  static func append(
    _ report: Report, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
    let markdown = try StepSummaryReporter().render(report) + "\n"
    if !FileManager.default.fileExists(atPath: path) {
      FileManager.default.createFile(atPath: path, contents: nil)
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw ToolFailure("cannot write the step summary \(path) (GITHUB_STEP_SUMMARY)")
    }
    defer { try? handle.close() }
    do {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(markdown.utf8))
    } catch {
      throw ToolFailure(
        "cannot write the step summary \(path) (GITHUB_STEP_SUMMARY): \(error.localizedDescription)"
      )
    }
  }
}
