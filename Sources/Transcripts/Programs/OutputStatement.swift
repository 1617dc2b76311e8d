/// A piece of what an output statement prints: literal text, or the value of an expression
/// (any text).
public enum OutputPiece: Sendable, Hashable {
  case text(String)
  case value
}

/// The languages whose output statements docproof reads, by the info strings that name them.
public enum ProgramLanguage: String, Sendable, Hashable, CaseIterable {
  case python, javascript, csharp, java, swift, go, powershell, shell

  /// The language of a code block's info string (`py`, `ts`, `cs`, `bash`, ...).
  public init?(infoString: String) {
    switch infoString.lowercased() {
    case "python", "py", "python3": self = .python
    case "javascript", "js", "typescript", "ts", "node", "nodejs", "mjs": self = .javascript
    case "csharp", "cs", "c#": self = .csharp
    case "java": self = .java
    case "swift": self = .swift
    case "go", "golang": self = .go
    case "powershell", "pwsh", "ps1", "ps": self = .powershell
    case "bash", "sh", "shell", "zsh": self = .shell
    default: return nil
    }
  }

  /// Whether everything a program prints comes from its output statements. A shell or
  /// PowerShell script runs commands that print too, so a transcript line no `echo`
  /// prints says nothing about it.
  public var printsOnlyThroughStatements: Bool {
    switch self {
    case .powershell, .shell: false
    default: true
    }
  }
}

/// One statement that prints: `print(...)`, `console.log(...)`, `Console.WriteLine(...)`,
/// `System.out.println(...)`, `fmt.Println(...)`, `Write-Host ...`, `echo ...`.
public struct OutputStatement: Sendable, Hashable {
  /// The statement's first line, counted from 1 in the program's source.
  public var line: Int
  /// What it prints, its line ending included (`print` ends with `.text("\n")`).
  public var pieces: [OutputPiece]
  /// It writes to standard error, which transcripts of standard output do not show.
  public var toStandardError: Bool
  /// It sits in an error handler (`catch`, `except`, `if err != nil`): a run that goes
  /// well does not print it.
  public var inErrorHandler: Bool

  public init(line: Int, pieces: [OutputPiece], toStandardError: Bool, inErrorHandler: Bool) {
    self.line = line
    self.pieces = pieces
    self.toStandardError = toStandardError
    self.inErrorHandler = inErrorHandler
  }
}

extension [OutputPiece] {
  /// Adjacent text pieces joined, empty text dropped.
  var merged: [OutputPiece] {
    var result: [OutputPiece] = []
    for piece in self {
      switch (piece, result.last) {
      case (.text(let text), _) where text.isEmpty:
        continue
      case (.text(let text), .text(let previous)?):
        result[result.count - 1] = .text(previous + text)
      case (.value, .value?):
        continue
      default:
        result.append(piece)
      }
    }
    return result
  }

  /// The pieces as a reader sees them: values as `…`.
  public var shown: String {
    map {
      switch $0 {
      case .text(let text): text
      case .value: "…"
      }
    }.joined()
  }
}
