import DocModel

/// Every redirection of a Learn repository: the `*.openpublishing.redirection*.json` files
/// anywhere in it, each entry's source file and where readers of it are sent.
public struct Redirections: Sendable {
  /// One redirection entry.
  public struct Entry: Sendable, Hashable {
    /// The redirected file, relative to the repository root.
    public var source: String
    /// `redirect_url` as written: a site-absolute path (`/azure/aks/x`), a full URL, or a
    /// path relative to the source's URL.
    public var url: String
    public var redirectsDocumentID: Bool
    /// The redirection file, relative to the repository root, and the entry's line.
    public var file: String
    public var line: Int
  }

  public private(set) var entries: [Entry] = []
  /// Problems in the files themselves: unreadable JSON, entries without a source or target.
  public private(set) var diagnostics: [Diagnostic] = []
  /// The entry for each source, by the source's path lowercased (the build's checkout is
  /// case-insensitive); the first entry wins, a repeat is a finding.
  private var bySource: [String: Int] = [:]

  public init() {}

  /// Whether a file name is a redirection file (`.openpublishing.redirection.json`,
  /// `.openpublishing.redirection.aks.json`, `x.openpublishing.redirection.json`).
  public static func isRedirectionFile(_ path: String) -> Bool {
    let name = RelativePath.fileName(of: path).lowercased()
    return name.hasSuffix(".json") && name.contains(".openpublishing.redirection")
  }

  /// The entry that redirects a file (relative to the repository root), if any.
  public func entry(for source: String) -> Entry? {
    bySource[source.lowercased()].map { entries[$0] }
  }

  /// Reads the redirection files of a tree (paths relative to its root), in path order.
  public static func load(files: [String], read: (String) -> [UInt8]?) -> Redirections {
    var result = Redirections()
    for file in files {
      guard let bytes = read(file) else {
        result.diagnostics.append(
          Diagnostic(
            rule: .fileUnreadable, severity: .error, path: file, line: 1,
            message: "cannot read this redirection file"))
        continue
      }
      result.add(bytes, file: file)
    }
    return result
  }

  private mutating func add(_ bytes: [UInt8], file: String) {
    let top: JSONReader
    do {
      top = try JSONReader.read(bytes, path: file)
    } catch {
      diagnostics.append(
        Diagnostic(
          rule: .jsonSyntaxError, severity: .error, path: file, line: error.line,
          column: error.column, message: error.message,
          notes: ["the Learn build stops reading this file here: none of its redirections apply"]
        ))
      return
    }
    let folder = RelativePath.directory(of: file)
    let items: [JSONReader]
    do {
      guard let list = try top.dictionary().first(where: { $0.0 == "redirections" })?.1 else {
        return
      }
      items = try list.list()
    } catch {
      diagnostics.append(
        Diagnostic(
          rule: .jsonSyntaxError, severity: .error, path: file, line: error.line,
          column: error.column, message: error.message))
      return
    }
    for item in items {
      var sourcePath: String?
      var fromRoot: String?
      var url: String?
      var documentID = false
      do {
        for (key, value) in try item.dictionary() {
          switch key {
          case "source_path": sourcePath = try value.string()
          case "source_path_from_root": fromRoot = try value.string()
          case "redirect_url": url = try value.string()
          case "redirect_document_id": documentID = value.bool ?? false
          default: continue
          }
        }
      } catch {
        diagnostics.append(
          Diagnostic(
            rule: .redirectionInvalid, severity: .warning, path: file, line: error.line,
            column: error.column, message: error.message))
        continue
      }
      func invalid(_ message: String, _ severity: Severity = .warning) {
        diagnostics.append(
          Diagnostic(
            rule: .redirectionInvalid, severity: severity, path: file, line: item.line,
            column: item.column, message: message))
      }
      guard let url, !url.isEmpty, sourcePath != nil || fromRoot != nil else {
        invalid(
          "missing required attribute: '(source_path or source_path_from_root) or redirect_url'")
        continue
      }
      if sourcePath != nil, fromRoot != nil {
        invalid(
          "a redirection cannot have both 'source_path' and 'source_path_from_root'", .error)
        continue
      }
      let source: String?
      if let sourcePath {
        guard !sourcePath.hasPrefix("/") else {
          invalid(
            "'source_path' must not start with '/' (it is relative to this file's folder); "
              + "use 'source_path_from_root' for a path from the repository root")
          continue
        }
        source = RelativePath.resolve(
          sourcePath.replacingOccurrences(of: "\\", with: "/"), from: folder)
      } else {
        let written = fromRoot!.replacingOccurrences(of: "\\", with: "/")
        guard written.hasPrefix("/") else {
          invalid("'source_path_from_root' must start with '/' (the repository root)")
          continue
        }
        source = RelativePath.resolve(String(written.dropFirst()), from: "")
      }
      guard let source, !source.isEmpty else {
        invalid("the source path leaves the repository")
        continue
      }
      let key = source.lowercased()
      if let first = bySource[key] {
        let earlier = entries[first]
        invalid(
          "'\(source)' is redirected twice: first in \(earlier.file) on line \(earlier.line)",
          .error)
        continue
      }
      bySource[key] = entries.count
      entries.append(
        Entry(
          source: source, url: url, redirectsDocumentID: documentID, file: file,
          line: item.line))
    }
  }
}
