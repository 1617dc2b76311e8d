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
        result.diagnostics.append(FileUnreadable.redirectionFile.at(file, line: 1))
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
        JSONSyntaxError.redirectionFile(error.message).at(
          file, line: error.line, column: error.column))
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
        JSONSyntaxError.redirectionsList(error.message).at(
          file, line: error.line, column: error.column))
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
          RedirectionInvalid.entry(error.message).at(
            file, line: error.line, column: error.column))
        continue
      }
      func invalid(_ message: RuleMessage) {
        diagnostics.append(message.at(file, line: item.line, column: item.column))
      }
      guard let url, !url.isEmpty, sourcePath != nil || fromRoot != nil else {
        invalid(RedirectionInvalid.missingAttribute)
        continue
      }
      if sourcePath != nil, fromRoot != nil {
        invalid(RedirectionInvalid.bothSources)
        continue
      }
      let source: String?
      if let sourcePath {
        guard !sourcePath.hasPrefix("/") else {
          invalid(RedirectionInvalid.absoluteSourcePath)
          continue
        }
        source = RelativePath.resolve(
          sourcePath.replacingOccurrences(of: "\\", with: "/"), from: folder)
      } else {
        let written = fromRoot!.replacingOccurrences(of: "\\", with: "/")
        guard written.hasPrefix("/") else {
          invalid(RedirectionInvalid.relativeSourcePathFromRoot)
          continue
        }
        source = RelativePath.resolve(String(written.dropFirst()), from: "")
      }
      guard let source, !source.isEmpty else {
        invalid(RedirectionInvalid.sourceLeavesRepository)
        continue
      }
      let key = source.lowercased()
      if let first = bySource[key] {
        let earlier = entries[first]
        invalid(
          RedirectionInvalid.redirectedTwice(source, firstIn: earlier.file, line: earlier.line))
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
