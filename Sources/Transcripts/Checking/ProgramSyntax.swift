import DocModel
import DocSite
import Foundation
import ProcessRunner

/// `program-syntax-error`: the programs shown before transcripts, compiled without running
/// where a compiler is here that needs nothing from a registry: `node --check` for
/// JavaScript, Python's own parser (`ast.parse`) for Python. A syntax error is reported at
/// its line in the page.
public enum ProgramSyntax {
  /// The syntax errors of the programs paired with transcripts, each distinct program
  /// checked once.
  public static func check(
    _ pairings: [OutputConsistency.Pairing], cacheFolder: String,
    runner: ProgramRunner = ProgramRunner()
  ) async -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var checked: [String: (line: Int, message: String)?] = [:]
    let node = ProgramStage.onPath("node")
    let python = ProgramStage.onPath("python3")
    for pairing in pairings {
      let source = pairing.blocks.map(\.text).joined(separator: "\n")
      let compiler: [String]
      let fileExtension: String
      switch pairing.language {
      case .javascript:
        // TypeScript is not JavaScript: node --check would reject its types.
        guard let node,
          pairing.blocks.allSatisfy({ !["ts", "typescript"].contains($0.language.lowercased()) })
        else { continue }
        let isModule = source.split(separator: "\n").contains {
          $0.hasPrefix("import ") || $0.hasPrefix("export ")
        }
        compiler = [node, "--check"]
        fileExtension = isModule ? "mjs" : "js"
      case .python:
        guard let python else { continue }
        compiler = [
          python, "-c",
          "import ast, sys\ntry:\n    ast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])\nexcept SyntaxError as error:\n    print(f'{error.lineno}\\t{error.msg}')\n    sys.exit(1)",
        ]
        fileExtension = "py"
      default:
        continue
      }
      let key = "\(pairing.language.rawValue)\u{0}\(source)"
      if checked[key] == nil {
        checked[key] = await compile(
          source, with: compiler, fileExtension: fileExtension, cacheFolder: cacheFolder,
          runner: runner)
      }
      guard let error = checked[key] ?? nil else { continue }
      let (path, line) = location(of: error.line, in: pairing)
      diagnostics.append(
        ProgramSyntaxError.finding(
          path, line: line,
          "the \(pairing.language.rawValue) program has a syntax error: \(error.message)",
          notes: ["found by \((compiler[0] as NSString).lastPathComponent) without running it"]))
    }
    return diagnostics
  }

  /// The line in the page of a line of the program (its blocks joined with newlines).
  static func location(of programLine: Int, in pairing: OutputConsistency.Pairing) -> (
    String, Int
  ) {
    var remaining = programLine
    for block in pairing.blocks {
      let count = block.text.split(separator: "\n", omittingEmptySubsequences: false).count
      if remaining <= count { return (pairing.file, block.line + remaining) }
      remaining -= count
    }
    return (pairing.file, pairing.blocks[0].line)
  }

  /// The first syntax error of a source (its line in the program and the message), or
  /// `nil` when it compiles or the compiler could not run.
  static func compile(
    _ source: String, with compiler: [String], fileExtension: String, cacheFolder: String,
    runner: ProgramRunner
  ) async -> (line: Int, message: String)? {
    try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
    let file =
      cacheFolder
      + "/check-\(StableHash.key(["syntax", source])).\(fileExtension)"
    guard (try? AtomicFile.write(Data(source.utf8), to: file)) != nil else { return nil }
    defer { unlink(file) }
    let run = await runner.run(
      compiler + [file], workingDirectory: cacheFolder, timeout: .seconds(60))
    guard case .exited(let status) = run.outcome, status != 0 else { return nil }
    let output = String(decoding: run.stdout + run.stderr, as: UTF8.self)
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if fileExtension == "py" {
      // "LINE<TAB>message" from the script above.
      let parts = (lines.first ?? "").split(separator: "\t", maxSplits: 1)
      if parts.count == 2, let line = Int(parts[0]) { return (line, String(parts[1])) }
    } else if let header = lines.first(where: { $0.hasPrefix(file + ":") }),
      let line = Int(header.dropFirst(file.count + 1)),
      let message = lines.first(where: { $0.contains("Error: ") })
    {
      // node --check: "FILE:LINE", the line, a caret, a blank line, "SyntaxError: message".
      return (line, message.trimmingCharacters(in: .whitespaces))
    }
    // A failure the compiler did not word as expected is still a failure: its last line.
    let last = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "it failed"
    return (1, last.replacingOccurrences(of: file, with: "the program"))
  }
}
