import DocSite
import Foundation

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
