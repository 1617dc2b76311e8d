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
    /// The target is in a dependent repository whose clone is absent (its path there, the
    /// repository's path): it cannot be checked, and is not an error.
    case unavailable(String, dependency: String)

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

  /// The parsed files, sorted (the site's `parsedPaths`): the graph numbers files by their
  /// place here and keeps its tables in arrays, not in maps keyed by path.
  let files: [String]
  /// Each parsed file's number.
  let numbers: [String: Int]
  /// Each file's page, by number.
  let pages: [Page]
  /// Include directives of each file, by number, in file order.
  let edgeLists: [[Edge]]
  /// The number of each directive's target, as `edgeLists` (-1: none, or not parsed).
  let targets: [[Int]]
  public let cycles: [Cycle]
  /// Includes not followed because they were nested too deep.
  public let tooDeep: [Edge]
  /// For each root page, by number, the files it reaches through includes (itself
  /// excluded, by number), in first-reached order; `nil` for files that are not roots.
  let reached: [[Int]?]
  /// For each included file, by number, the root pages that reach it; `nil` for files
  /// nothing includes.
  let includers: [[String]?]
  /// In a Learn repository, which files the docsets publish as content, by number: only
  /// those can be pages. `nil` elsewhere: any file nothing includes is a page.
  let contentFlags: [Bool]?

  /// A file's include directives, in file order (none for a file not parsed).
  public func edges(of file: String) -> [Edge] {
    numbers[file].map { edgeLists[$0] } ?? []
  }

  /// Every include directive: files in path order, each file's in file order.
  public var allEdges: FlattenSequence<[[Edge]]> { edgeLists.joined() }

  /// Whether a file is an include: the target of some include, or in an `includes` folder.
  public func isInclude(_ path: String) -> Bool {
    if let number = numbers[path] { return isInclude(at: number) }
    return Self.isInIncludesFolder(path)
  }

  /// Whether the parsed file at `index` of the site's `parsedPaths` is an include (no path
  /// looked up: for passes over every file in order).
  public func isInclude(at index: Int) -> Bool {
    !isPage(at: index)
  }

  /// Whether the parsed file at `index` is a page: nothing includes it, it is not in an
  /// `includes` folder, and (in a Learn repository) a docset publishes it as content.
  public func isPage(at index: Int) -> Bool {
    includers[index] == nil && !Self.isInIncludesFolder(files[index])
      && contentFlags?[index] != false
  }

  /// Whether findings in the parsed file at `index` are reported: always, but in a Learn
  /// repository, where only pages and what they include are rendered (an include no page
  /// reaches, a README, a dependent repository's other files are never built).
  public func isReported(at index: Int) -> Bool {
    guard contentFlags != nil else { return true }
    return isPage(at: index) || includers[index]?.isEmpty == false
  }

  /// `isReported(at:)` by path; files not parsed are reported.
  public func isReported(_ path: String) -> Bool {
    numbers[path].map(isReported(at:)) ?? true
  }

  /// Whether a file, or one it reaches through includes, has an include that leads into an
  /// absent dependent repository: what the page shows is then not fully known.
  public func showsUnavailable(from number: Int) -> Bool {
    !unavailableDependencies(from: number).isEmpty
  }

  /// The absent dependent repositories whose includes a file, or one it reaches, shows.
  public func unavailableDependencies(from number: Int) -> Set<String> {
    var found: Set<String> = []
    for file in [number] + reachedNumbers(from: number) {
      for edge in edgeLists[file] {
        if case .unavailable(_, let dependency) = edge.resolution { found.insert(dependency) }
      }
    }
    return found
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

  /// A file and everything it reaches through includes, for any file (not only pages).
  public func expansion(from file: String) -> [String] {
    guard let number = numbers[file] else { return [file] }
    return [file] + reachedNumbers(from: number).map { files[$0] }
  }

  /// Whether `test` holds for the page of `file` or of a file it reaches through includes,
  /// tried in first-reached order until one does (false for a file not parsed). No path is
  /// looked up but `file`'s.
  public func anyPageShown(from file: String, where test: (Page) -> Bool) -> Bool {
    guard let number = numbers[file] else { return false }
    return anyPageShown(from: number, where: test)
  }

  /// `anyPageShown(from:where:)` for the file numbered `number` (see `number(of:)`).
  public func anyPageShown(from number: Int, where test: (Page) -> Bool) -> Bool {
    if test(pages[number]) { return true }
    return reachedNumbers(from: number).contains { test(pages[$0]) }
  }

  /// The files a file shows and their pages: itself, then what it reaches through
  /// includes, in first-reached order (nothing for a file not parsed). No path is looked up
  /// but `file`'s.
  public func shown(from file: String) -> [(path: String, page: Page)] {
    guard let number = numbers[file] else { return [] }
    return [(file, pages[number])] + reachedNumbers(from: number).map { (files[$0], pages[$0]) }
  }

  /// What a file reaches through includes, by number, in first-reached order.
  private func reachedNumbers(from number: Int) -> [Int] {
    if let known = reached[number] { return known }
    var seen: Set<Int> = [number]
    var order: [Int] = []
    var stack = [number]
    while let current = stack.popLast() {
      for target in targets[current] where target >= 0 && seen.insert(target).inserted {
        order.append(target)
        stack.append(target)
      }
    }
    return order
  }

  /// The number of a parsed file (its place in `Site.parsedPaths`), `nil` for any other
  /// path: a caller asking several questions about one file looks its path up once.
  public func number(of file: String) -> Int? { numbers[file] }

  /// The pages where an include's content appears (itself, when nothing includes it).
  public func pages(showing file: String) -> [String] {
    numbers[file].flatMap { includers[$0] } ?? [file]
  }

  /// The graph of a tree with no Markdown file parsed yet.
  static let empty = IncludeGraph(
    files: [], numbers: [:], pages: [], edgeLists: [], targets: [], cycles: [], tooDeep: [],
    reached: [],
    includers: [], contentFlags: nil)

  /// Resolves every include and walks the graph from every page, in parallel: chunks of
  /// files, then chunks of pages, merged in order (the result is the serial one's).
  /// `paths`: the parsed files' paths, sorted; `pages`: their pages in that order.
  static func build(
    pages: [Page], paths: [String], tree: FileTree, locales: [SiteLocale],
    learn: LearnRepository? = nil
  ) async -> IncludeGraph {
    let source = locales[0]
    let contentFlags = learn.map { learn in paths.map { learn.isContent($0) } }
    var numbers: [String: Int] = [:]
    numbers.reserveCapacity(paths.count)
    for (number, path) in paths.enumerated() { numbers[path] = number }
    let numbered = numbers
    // Each file's edges, and the number of each edge's target (-1: none, or not parsed).
    let resolved = await Array(paths.indices).concurrentChunks { chunk in
      chunk.compactMap { number -> (Int, [Edge], [Int])? in
        let page = pages[number]
        guard !page.includes.isEmpty else { return nil }
        let path = paths[number]
        let fileLocale = locales.dropFirst().first { $0.contains(path) } ?? source
        let edges = page.includes.map { include in
          Edge(
            from: path, include: include,
            resolution: resolve(
              include.path, from: path, locale: fileLocale, source: source, tree: tree,
              learn: learn))
        }
        return (number, edges, edges.map { $0.resolution.target.flatMap { numbered[$0] } ?? -1 })
      }
    }
    var edgeLists = [[Edge]](repeating: [], count: paths.count)
    var targets = [[Int]](repeating: [], count: paths.count)
    var targeted = [Bool](repeating: false, count: paths.count)
    for chunk in resolved {
      for (number, list, numbers) in chunk {
        edgeLists[number] = list
        targets[number] = numbers
        for target in numbers where target >= 0 { targeted[target] = true }
      }
    }

    // Roots: files nothing includes (in a Learn repository, those a docset publishes as
    // content). Walk each, depth-first and iteratively.
    let roots = paths.indices.filter { !targeted[$0] && contentFlags?[$0] != false }
    let lists = edgeLists
    let targetNumbers = targets
    let walks = await roots.concurrentChunks { chunk in
      var walker = Walker(paths: paths, edges: lists, targets: targetNumbers)
      let orders = chunk.map { root in walker.walk(from: root) }
      return (orders: orders, cycles: walker.cycles, tooDeep: walker.tooDeep)
    }
    var reached = [[Int]?](repeating: nil, count: paths.count)
    var includers = [[String]?](repeating: nil, count: paths.count)
    var cycles: [Cycle] = []
    var cycleKeys: Set<Edge> = []
    var tooDeep: [Edge] = []
    var tooDeepKeys: Set<Edge> = []
    var rootIndex = 0
    for walk in walks {
      for order in walk.orders {
        let root = roots[rootIndex]
        rootIndex += 1
        reached[root] = order
        for file in order {
          if includers[file] == nil { includers[file] = [] }
          includers[file]!.append(paths[root])
        }
      }
      // The first root (in order) to meet a cycle or a too-deep edge reports it.
      for cycle in walk.cycles where cycleKeys.insert(cycle.edge).inserted {
        cycles.append(cycle)
      }
      for edge in walk.tooDeep where tooDeepKeys.insert(edge).inserted { tooDeep.append(edge) }
    }
    // Cycles that no root reaches (a page that includes itself is nobody's root): files
    // with includes that are neither a root nor reached from one.
    let unreached = paths.indices.filter {
      !edgeLists[$0].isEmpty && targeted[$0] && includers[$0] == nil
    }
    if !unreached.isEmpty {
      var walker = Walker(
        paths: paths, edges: edgeLists, targets: targets, knownCycles: cycleKeys)
      for root in roots { walker.mark(root) }
      for order in reached { for file in order ?? [] { walker.mark(file) } }
      for start in unreached where !walker.hasSeen(start) {
        // Only for cycles: files past the depth bound of a root's walk are reported there.
        _ = walker.walk(from: start, reportDepth: false, keepingSeen: true)
      }
      cycles += walker.cycles
    }
    // Files only reachable inside a cycle that no root reaches.
    for number in paths.indices where targeted[number] && includers[number] == nil {
      includers[number] = []
    }
    return IncludeGraph(
      files: paths, numbers: numbers, pages: pages, edgeLists: edgeLists, targets: targets,
      cycles: cycles, tooDeep: tooDeep,
      reached: reached, includers: includers, contentFlags: contentFlags)
  }

  /// The iterative depth-first walk over include edges, by file number: first-reached
  /// order, cycles (each closing edge once, with its chain) and edges past the depth bound.
  struct Walker {
    /// The files by number.
    let paths: [String]
    let edges: [[Edge]]
    /// The number of each edge's target (-1: none, or not parsed).
    let targets: [[Int]]
    private(set) var cycles: [Cycle] = []
    private(set) var tooDeep: [Edge] = []
    private var cycleKeys: Set<Edge> = []
    private var tooDeepKeys: Set<Edge> = []
    /// The files reached, as the walk that reached them: a file is seen when its mark is
    /// the current walk's (one array for every walk, never cleared).
    private var marks: [Int]
    private var walkNumber = 1

    /// `knownCycles`: cycle-closing edges already reported elsewhere, not to report again.
    init(paths: [String], edges: [[Edge]], targets: [[Int]], knownCycles: Set<Edge> = []) {
      self.paths = paths
      self.edges = edges
      self.targets = targets
      self.cycleKeys = knownCycles
      self.marks = [Int](repeating: 0, count: edges.count)
    }

    /// Marks a file as seen by the current walk.
    mutating func mark(_ file: Int) { marks[file] = walkNumber }

    /// Whether the current walk has seen a file.
    func hasSeen(_ file: Int) -> Bool { marks[file] == walkNumber }

    private struct Frame {
      var file: Int
      var next: Int
    }

    /// Walks from `start`, returning the newly reached files in order. Each walk starts
    /// with nothing seen but `start`, unless `keepingSeen`: then what earlier walks of the
    /// same kind saw stays seen. Edges past the depth bound are not followed, and recorded
    /// when `reportDepth` is set.
    mutating func walk(from start: Int, reportDepth: Bool = true, keepingSeen: Bool = false)
      -> [Int]
    {
      if !keepingSeen { walkNumber += 1 }
      marks[start] = walkNumber
      var order: [Int] = []
      // At most `maximumDepth + 1` frames, mostly two or three: searched, not hashed.
      var stack = [Frame(file: start, next: 0)]
      while let frame = stack.last {
        let top = stack.count - 1
        guard frame.next < targets[frame.file].count else {
          stack.removeLast()
          continue
        }
        let index = frame.next
        stack[top].next += 1
        let target = targets[frame.file][index]
        guard target >= 0 else { continue }
        if let position = stack.firstIndex(where: { $0.file == target }) {
          let edge = edges[frame.file][index]
          if cycleKeys.insert(edge).inserted {
            cycles.append(
              Cycle(edge: edge, chain: stack[position...].map { paths[$0.file] } + [paths[target]]))
          }
          continue
        }
        if stack.count > maximumDepth {
          let edge = edges[frame.file][index]
          if reportDepth, tooDeepKeys.insert(edge).inserted { tooDeep.append(edge) }
          continue
        }
        guard marks[target] != walkNumber else { continue }
        marks[target] = walkNumber
        order.append(target)
        stack.append(Frame(file: target, next: 0))
      }
      return order
    }
  }

  /// Where `path`, written in `file`, leads.
  static func resolve(
    _ written: String, from file: String, locale: SiteLocale, source: SiteLocale, tree: FileTree,
    learn: LearnRepository? = nil
  ) -> Resolution {
    // Bytes, not characters: every include of every file comes through here.
    var path = written
    if let hash = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }
    ) {
      path = String(path[..<hash])
    }
    let base: String
    if path.utf8.starts(with: "~/".utf8) || path.utf8.starts(with: "~\\".utf8) {
      base = learn?.tildeBase(of: file) ?? locale.folder
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
    var entry = tree[target]
    if entry == nil, let decoded = RelativePath.percentDecoded(path),
      let decodedPath = RelativePath.resolve(decoded, from: base),
      let decodedEntry = tree[decodedPath]
    {
      (target, entry) = (decodedPath, decodedEntry)
    }
    // The Learn build finds files without regard to case (as links: `LinkResolver`).
    if entry == nil, learn != nil, let exact = tree.pathIgnoringCase(target) {
      (target, entry) = (exact, tree[exact])
    }
    switch entry {
    case .file:
      guard RelativePath.isMarkdown(target) else {
        return .invalid(target, reason: "only Markdown (.md) files can be included")
      }
      return .file(target)
    case .directory:
      return .invalid(target, reason: "it is a folder, not a Markdown file")
    case .outsideRoot:
      return .outsideRoot(target)
    case .broken, nil:
      if tree.isBeneathLinkOutside(target) { return .outsideRoot(target) }
      if let dependency = learn?.absentDependency(containing: target) {
        return .unavailable(target, dependency: dependency.repository.path)
      }
      if let learn, learn.isLocalization {
        // The build takes what a localization lacks from its source repository's clone.
        let fallback = LearnRepository.sourceFallback + "/" + target
        if tree.isFile(fallback), RelativePath.isMarkdown(fallback) {
          return .fallback(fallback, missing: target)
        }
        if learn.dependency(containing: fallback)?.isPresent != true {
          return .unavailable(target, dependency: LearnRepository.sourceFallback)
        }
      }
      if !RelativePath.isMarkdown(target) {
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
      written, from: file, locale: locale(of: file), source: sourceLocale, tree: tree,
      learn: learn)
  }
}
