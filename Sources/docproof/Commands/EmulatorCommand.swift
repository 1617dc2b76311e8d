import ArgumentParser
import Foundation
import IdentityEmulator

/// `docproof emulator`: runs the Communication Services Identity emulator in the foreground.
struct EmulatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "emulator",
    abstract: "Run the Communication Services Identity emulator in the foreground.",
    discussion: """
      The first line of standard output is the connection string; with --tls it is followed \
      by a space and the path of the PEM certificate to trust. Stops on SIGINT or SIGTERM.
      """
  )

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 0

  @Flag(help: "Serve HTTPS with a self-signed certificate for localhost and 127.0.0.1.")
  var tls = false

  @Flag(help: "Fixed clock, sequential ids and fixed keys, so runs are byte-for-byte repeatable.")
  var deterministic = false

  func validate() throws {
    guard (0...65_535).contains(port) else {
      throw ValidationError("--port must be between 0 and 65535.")
    }
  }

  func run() async throws {
    let configuration = EmulatorConfiguration(
      host: host, port: port, tls: tls, deterministic: deterministic)
    do {
      try await IdentityEmulator.run(configuration) { emulator in
        FileHandle.standardOutput.write(Data((emulator.readyLine + "\n").utf8))
      }
    } catch {
      FileHandle.standardError.write(Data("docproof emulator: \(error)\n".utf8))
      throw ExitCode(2)
    }
  }
}
