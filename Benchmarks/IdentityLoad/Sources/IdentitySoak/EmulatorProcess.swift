import Foundation
import Subprocess

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// A `docproof emulator` child process: where it listens and how much memory it holds.
struct EmulatorProcess: Sendable {
  let pid: Int32
  let connectionString: String
  /// The PEM certificate to trust, with `--tls`.
  let certificateFile: String?

  /// Starts `docproof emulator` with `arguments`, waits for its ready line, runs `body`,
  /// then stops the emulator with SIGTERM.
  static func run<Output: Sendable>(
    docproof: String, arguments: [String],
    _ body: @escaping @Sendable (EmulatorProcess) async throws -> Output
  ) async throws -> Output {
    let result = try await Subprocess.run(
      .path(FilePath(docproof)), arguments: Arguments(["emulator"] + arguments),
      input: .none, output: .sequence,
      error: .fileDescriptor(.standardError, closeAfterSpawningProcess: false)
    ) { execution in
      var line: [UInt8] = []
      readLine: for try await buffer in execution.standardOutput {
        for byte in buffer.withUnsafeBytes({ Array($0) }) {
          if byte == UInt8(ascii: "\n") { break readLine }
          line.append(byte)
        }
      }
      let parts = String(decoding: line, as: UTF8.self).split(separator: " ").map(String.init)
      guard let connectionString = parts.first else {
        throw SoakFailure("docproof emulator printed no ready line")
      }
      let emulator = EmulatorProcess(
        pid: execution.processIdentifier.value, connectionString: connectionString,
        certificateFile: parts.count > 1 ? parts[1] : nil)
      defer { try? execution.send(signal: .terminate) }
      return try await body(emulator)
    }
    return result.closureResult
  }

  /// The resident set size, in KiB, from `/proc/PID/status`.
  func residentKiB() -> Int? {
    guard let status = readProcFile("/proc/\(pid)/status") else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }
    return nil
  }
}

/// Counts the established TCP connections whose local port is `port` (the server's side),
/// from `/proc/net/tcp` and `/proc/net/tcp6`.
func establishedConnections(toPort port: Int) -> Int {
  let hexPort = String(format: ":%04X", port)
  var count = 0
  for file in ["/proc/net/tcp", "/proc/net/tcp6"] {
    guard let table = readProcFile(file) else { continue }
    for line in table.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count > 3 else { continue }
      // Field 1 is the local address:port, field 3 the state (01: ESTABLISHED).
      if fields[1].hasSuffix(hexPort), fields[3] == "01" { count += 1 }
    }
  }
  return count
}

/// The whole text of a `/proc` file. They report a size of 0, and reading by size (as
/// `String(contentsOfFile:)` does) stops after the first page.
func readProcFile(_ path: String) -> String? {
  guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
  defer { try? handle.close() }
  guard let data = try? handle.readToEnd() else { return nil }
  return String(decoding: data, as: UTF8.self)
}

/// A soak check that could not run or did not hold.
struct SoakFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
