import DocModel

/// Every `[!INCLUDE]` of every file, resolved as DocFX resolves it, and what each page
/// reaches through them.
///
/// Paths are relative to the including file, or to the locale root with `~/`. A localized
/// include that does not exist falls back to the source locale's file at the same place.
/// A target that leaves the root, lexically or through a symbolic link, is never read.
public struct IncludeGraph: Sendable {
  /// Where one include directive leads.
  public enum Resolution: Sendable, Hashable {
    /// The file exists.
    case file(String)
    /// The localized file is missing; the source locale's file is used instead.
    case fallback(String, missing: String)
    /// Nothing at this root-relative path.
    case notFound(String)
    /// The target exists but cannot be included (not Markdown, a folder).
    case invalid(String, reason: String)
    /// The target resolves outside the checked root.
    case outsideRoot(String)

    /// The file whose content is included, when there is one.
    public var target: String? {
      switch self {
      case .file(let path), .fallback(let path, _): path
      default: nil
      }
    }
  }

  /// One include directive and where it leads.
  public struct Edge: Sendable, Hashable {
    public var from: String
    public var include: Include
    public var resolution: Resolution
  }

  /// An include that closes a cycle, with the chain of files.
  public struct Cycle: Sendable, Hashable {
    public var edge: Edge
    public var chain: [String]
  }

  /// Includes nested deeper than this are not followed (a finding says so).
  public static let maximumDepth = 64

  /// Include directives by including file, in file order.
  public let edges: [String: [Edge]]
  public let cycles: [Cycle]
  /// Includes not followed because they were nested too deep.
  public let tooDeep: [Edge]
  /// For each root page, the files it reaches through includes (itself excluded), in
  /// first-reached order.
  public let reachable: [String: [String]]
  /// For each included file, the root pages that reach it.
  public let includers: [String: [String]]

  /// Whether a file is an include: the target of some include, or in an `includes` folder.
  public func isInclude(_ path: String) -> Bool {
    includers[path] != nil || Self.isInIncludesFolder(path)
  }

  /// Whether a folder on the path (not the file name) is called `includes`.
  static func isInIncludesFolder(_ path: String) -> Bool {
    let bytes = path.utf8
    var start = bytes.startIndex
    while let slash = bytes[start...].firstIndex(of: UInt8(ascii: "/")) {
      if bytes[start..<slash].elementsEqual("includes".utf8) { return true }
      start = bytes.index(after: slash)
    }
    return false
  }

  /// The files whose content a page shows: the page, then everything it includes.
  public func expansion(of page: String) -> [String] {
    [page] + (reachable[page] ?? [])
  }

  /// A file and everything it reaches through includes, for any file (not only pages).
  public func expansion(from file: String) -> [String] {
    if let known = reachable[file] { return [file] + known }
    var seen: Set<String> = [file]
    var order = [file]
    var stack = [file]
    while let current = stack.popLast() {
      for edge in edges[current] ?? [] {
        guard let target = edge.resolution.target, seen.insert(target).inserted else { continue }
        order.append(target)
        stack.append(target)
      }
    }
    return order
  }

  /// The pages where an include's content appears (itself, when nothing includes it).
  public func pages(showing file: String) -> [String] {
    includers[file] ?? [file]
  }

  /// The graph of a tree with no Markdown file parsed yet.
  static let empty = IncludeGraph(
    edges: [:], cycles: [], tooDeep: [], reachable: [:], includers: [:])

  /// Resolves every include and walks the graph from every page, in parallel: chunks of
  /// files, then chunks of pages, merged in order (the result is the serial one's).
  /// `paths`: the keys of `files`, sorted.
  static func build(
    files: [String: Page], paths: [String], tree: FileTree, locales: [SiteLocale]
  ) async -> IncludeGraph {
    let source = locales[0]
    let resolved = await paths.concurrentChunks { chunk in
      chunk.compactMap { path -> (String, [Edge])? in
        guard let page = files[path], !page.includes.isEmpty else { return nil }
        let fileLocale = locales.dropFirst().first { $0.contains(path) } ?? source
        return (
          path,
          page.includes.map { include in
            Edge(
              from: path, include: include,
              resolution: resolve(
                include.path, from: path, locale: fileLocale, source: source, tree: tree))
          }
        )
      }
    }
    var edges: [String: [Edge]] = [:]
    edges.reserveCapacity(resolved.reduce(0) { $0 + $1.count })
    var targeted: Set<String> = []
    targeted.reserveCapacity(edges.capacity)
    for chunk in resolved {
      for (path, list) in chunk {
        edges[path] = list
        for edge in list {
          if let target = edge.resolution.target { targeted.insert(target) }
        }
      }
    }

    // Roots: files nothing includes. Walk each, depth-first and iteratively.
    let roots = paths.filter { !targeted.contains($0) }
    let graph = edges
    let walks = await roots.concurrentChunks { chunk in
      var walker = Walker(edges: graph, files: files)
      let orders = chunk.map { root in
        var seen: Set<String> = [root]
        return walker.walk(from: root, seen: &seen)
      }
      return (orders: orders, cycles: walker.cycles, tooDeep: walker.tooDeep)
    }
    var reachable: [String: [String]] = [:]
    reachable.reserveCapacity(roots.count)
    var includers: [String: [String]] = [:]
    includers.reserveCapacity(targeted.count)
    var cycles: [Cycle] = []
    var cycleKeys: Set<Edge> = []
    var tooDeep: [Edge] = []
    var tooDeepKeys: Set<Edge> = []
    var rootIndex = 0
    for walk in walks {
      for order in walk.orders {
        let root = roots[rootIndex]
        rootIndex += 1
        reachable[root] = order
        for file in order { includers[file, default: []].append(root) }
      }
      // The first root (in order) to meet a cycle or a too-deep edge reports it.
      for cycle in walk.cycles where cycleKeys.insert(cycle.edge).inserted {
        cycles.append(cycle)
      }
      for edge in walk.tooDeep where tooDeepKeys.insert(edge).inserted { tooDeep.append(edge) }
    }
    // Cycles that no root reaches (a page that includes itself is nobody's root): files
    // with includes that are neither a root nor reached from one. Rare: the set of every
    // visited file is only built when there is one.
    let unreached = edges.keys.filter { targeted.contains($0) && includers[$0] == nil }
    if !unreached.isEmpty {
      var visited = Set(roots)
      for order in reachable.values { visited.formUnion(order) }
      var walker = Walker(edges: edges, files: files, knownCycles: cycleKeys)
      for start in unreached.sorted() where !visited.contains(start) {
        visited.insert(start)
        // Only for cycles: files past the depth bound of a root's walk are reported there.
        _ = walker.walk(from: start, seen: &visited, reportDepth: false)
      }
      cycles += walker.cycles
    }
    // Files only reachable inside a cycle that no root reaches.
    for target in targeted where includers[target] == nil && files[target] != nil {
      includers[target] = []
    }
    return IncludeGraph(
      edges: edges, cycles: cycles, tooDeep: tooDeep, reachable: reachable, includers: includers)
  }

  /// The iterative depth-first walk over include edges: first-reached order, cycles (each
  /// closing edge once, with its chain) and edges past the depth bound.
  struct Walker {
    let edges: [String: [Edge]]
    let files: [String: Page]
    private(set) var cycles: [Cycle] = []
    private(set) var tooDeep: [Edge] = []
    private var cycleKeys: Set<Edge> = []
    private var tooDeepKeys: Set<Edge> = []

    /// `knownCycles`: cycle-closing edges already reported elsewhere, not to report again.
    init(edges: [String: [Edge]], files: [String: Page], knownCycles: Set<Edge> = []) {
      self.edges = edges
      self.files = files
      self.cycleKeys = knownCycles
    }

    private struct Frame {
      var file: String
      var next: Int
    }

    /// Walks from `start`; `seen` holds files already reached (the start included) and
    /// grows. Returns the newly reached files in order. Edges past the depth bound are not
    /// followed, and recorded when `reportDepth` is set.
    mutating func walk(from start: String, seen: inout Set<String>, reportDepth: Bool = true)
      -> [String]
    {
      var order: [String] = []
      // At most `maximumDepth + 1` frames, mostly two or three: searched, not hashed.
      var stack = [Frame(file: start, next: 0)]
      while !stack.isEmpty {
        let top = stack.count - 1
        let list = edges[stack[top].file] ?? []
        guard stack[top].next < list.count else {
          stack.removeLast()
          continue
        }
        let edge = list[stack[top].next]
        stack[top].next += 1
        guard let target = edge.resolution.target, files[target] != nil else { continue }
        if let position = stack.firstIndex(where: { $0.file == target }) {
          if cycleKeys.insert(edge).inserted {
            cycles.append(Cycle(edge: edge, chain: stack[position...].map(\.file) + [target]))
          }
          continue
        }
        if stack.count > maximumDepth {
          if reportDepth, tooDeepKeys.insert(edge).inserted { tooDeep.append(edge) }
          continue
        }
        guard seen.insert(target).inserted else { continue }
        order.append(target)
        stack.append(Frame(file: target, next: 0))
      }
      return order
    }
  }

  /// Where `path`, written in `file`, leads.
  static func resolve(
    _ written: String, from file: String, locale: SiteLocale, source: SiteLocale, tree: FileTree
  ) -> Resolution {
    // Bytes, not characters: every include of every file comes through here.
    var path = written
    if let hash = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }
    ) {
      path = String(path[..<hash])
    }
    let base: String
    if path.utf8.starts(with: "~/".utf8) || path.utf8.starts(with: "~\\".utf8) {
      base = locale.folder
      path = String(path.dropFirst(2))
    } else {
      base = RelativePath.directory(of: file)
    }
    if path.utf8.contains(UInt8(ascii: "\\")) {
      path = path.replacingOccurrences(of: "\\", with: "/")
    }
    guard path.utf8.first != UInt8(ascii: "/"),
      let resolved = RelativePath.resolve(path, from: base)
    else {
      return .outsideRoot(written)
    }
    var target = resolved
    if tree[target] == nil, let decoded = RelativePath.percentDecoded(path),
      let decodedPath = RelativePath.resolve(decoded, from: base), tree[decodedPath] != nil
    {
      target = decodedPath
    }
    switch tree[target] {
    case .file:
      guard RelativePath.fileExtension(of: target) == "md" else {
        return .invalid(target, reason: "only Markdown (.md) files can be included")
      }
      return .file(target)
    case .directory:
      return .invalid(target, reason: "it is a folder, not a Markdown file")
    case .outsideRoot:
      return .outsideRoot(target)
    case .broken, nil:
      if tree.isBeneathLinkOutside(target) { return .outsideRoot(target) }
      if RelativePath.fileExtension(of: target) != "md" {
        return .invalid(target, reason: "only Markdown (.md) files can be included")
      }
      if !locale.isSource, let inLocale = locale.relative(target) {
        let fallback = source.path(inLocale)
        if case .file = tree[fallback] { return .fallback(fallback, missing: target) }
      }
      return .notFound(target)
    }
  }
}

extension Site {
  /// Where an include directive written in `file` leads in this tree, as `includes` resolves
  /// it (for directives the graph does not hold, such as an old version's).
  public func resolveInclude(_ written: String, from file: String) -> IncludeGraph.Resolution {
    IncludeGraph.resolve(
      written, from: file, locale: locale(of: file), source: sourceLocale, tree: tree)
  }
}
