import CheckPipeline
import DocSite
import Foundation
import Reporting

#if canImport(Glibc)
  import Glibc
#endif

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
    let markdown = Array((try StepSummaryReporter().render(report) + "\n").utf8)
    func failure(_ reason: String) -> ToolFailure {
      ToolFailure("cannot write the step summary \(path) (GITHUB_STEP_SUMMARY): \(reason)")
    }
    // Only into a file, opened without blocking (a FIFO with no reader would wait forever).
    var existing = stat()
    if stat(path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG {
      throw failure("it is not a regular file")
    }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      throw failure("it is not a regular file")
    }
    var written = 0
    while written < markdown.count {
      let count = markdown[written...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      guard count > 0 else { throw failure(String(cString: strerror(errno))) }
      written += count
    }
  }
}
