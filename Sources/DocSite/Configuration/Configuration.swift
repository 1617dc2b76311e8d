import DocModel

/// What `docproof.yml` at the root of a docs tree says. Every field has a default, so a
/// DocFX tree laid out as `ROOT/<locale>/...` needs no configuration at all.
///
/// ```yaml
/// sourceLocale: en-us            # the folder translations are made from
/// locales: [sv-se, de-de]        # default: every folder with a locale-shaped name
/// zonePivotGroups: zone-pivot-groups.yml   # at each locale root
/// frontMatter:
///   required: [title, description, ms.date, ms.topic]   # pages only, not includes
/// rules:                         # severity per rule id: error, warning, info or off
///   pivot-id-unused: off
/// ignore:                        # paths (globs, relative to the root) not checked
///   - en-us/archive/**
///   - path: en-us/legacy/**
///     rules: [file-not-found]
/// links:
///   siteRoots:                   # site-absolute link prefixes and the folder they map to
///     /azure/: en-us
///   external:                    # used with --external
///     concurrency: 8
///     timeout: 10                # seconds per request
///     retries: 2                 # extra tries after 429 and 503
///     cache: .docproof-cache/external-links.json
///     maxAge: 1d                 # how long a cached result counts (s, m, h, d)
///     exclude: ['^https://localhost']   # regular expressions of URLs not checked
/// maxFileSize: 10MB              # larger files are skipped with a finding
/// translations: {ru-ru: ../azure-docs-cli.ru-ru}   # localizations kept in repositories of their own
/// source: ../azure-docs-cli      # (in a localization) its source repository
/// ```
public struct Configuration: Sendable, Hashable {
  /// A path glob that is not checked, for every rule or only some.
  public struct Ignore: Sendable, Hashable {
    public var glob: String
    /// `nil` means every rule.
    public var rules: Set<RuleID>?
  }

  /// A site-absolute prefix (`/azure/`) and the folder under the root it maps to.
  public struct SiteRoot: Sendable, Hashable {
    public var prefix: String
    public var folder: String
  }

  /// Settings for `--external`.
  public struct ExternalLinks: Sendable, Hashable {
    public var concurrency = 8

    public init() {}
    public var timeoutSeconds = 10.0
    public var retries = 2
    /// Relative to the root: the cache stays inside the tree.
    public var cachePath = ".docproof-cache/external-links.json"
    public var maxAgeSeconds = 86_400
    public var exclude: [String] = []
  }

  public var sourceLocale = "en-us"
  /// `nil`: detect locale-shaped folders.
  public var locales: [String]?
  /// The line of `locales:`, for the error when one has no folder.
  public var localesLine = 1
  public var zonePivotGroupsFile = "zone-pivot-groups.yml"
  public var requiredFrontMatter = ["title", "description", "ms.date", "ms.topic"]
  /// A severity per rule; `nil` switches the rule off.
  public var severities: [RuleID: Severity?] = [:]

  /// Whether `severities` switches the rule off: it need not run at all.
  public func isOff(_ rule: RuleID) -> Bool {
    if case .some(.none) = severities[rule] { return true }
    return false
  }
  public var ignores: [Ignore] = []
  public var siteRoots: [SiteRoot] = []
  public var external = ExternalLinks()
  public var maxFileSize = 10 << 20
  /// The project root, relative to the docs root (`.` or `..`): golden files, snippet
  /// sources and scenario commands must stay inside it.
  public var project = "."
  public var scenarios: [Scenario] = []
  public var transcriptSelectors: [TranscriptSelector] = []
  /// User normalization rules (`normalize:`): text matching `pattern` becomes `[NAME]`.
  public var normalizeRules: [NormalizeRule] = []
  /// `source:` (in a localization's tree): the clone of its source repository, relative to
  /// this tree's root.
  public var sourceRepository: String?
  public var sourceRepositoryLine = 1
  /// `translations:` (in a source tree): each localized locale's repository clone.
  public var translationRepositories: [TranslationRepository] = []

  /// A localized locale kept in a repository of its own.
  public struct TranslationRepository: Sendable, Hashable {
    public var locale: String
    /// The clone, relative to this tree's root.
    public var path: String
    public var line: Int
  }

  /// A normalization rule from `normalize:`.
  public struct NormalizeRule: Sendable, Hashable {
    public var name: String
    public var pattern: String
  }

  public init() {}

  /// The scenario with a name.
  public func scenario(_ name: String) -> Scenario? { scenarios.first { $0.name == name } }

  /// The file name looked for at the root.
  public static let fileName = "docproof.yml"

  /// The keys each mapping of docproof.yml allows (its JSON Schema,
  /// `schemas/docproof.schema.json`, names the same).
  public enum Keys {
    public static let top = [
      "sourceLocale", "locales", "zonePivotGroups", "frontMatter", "rules", "ignore", "links",
      "maxFileSize", "project", "scenarios", "transcripts", "normalize", "source", "translations",
    ]
    public static let frontMatter = ["required"]
    public static let ignore = ["path", "rules"]
    public static let links = ["siteRoots", "external"]
    public static let external = [
      "concurrency", "timeout", "retries", "cache", "maxAge", "exclude",
    ]
    public static let scenario = [
      "command", "workingDirectory", "environment", "timeout", "emulator", "golden", "runner",
      "pivot", "pages", "requirements", "compareWith", "interpreter",
    ]
    public static let selector = ["scenario", "files", "info", "lead", "contains"]
    public static let normalize = ["name", "pattern"]
  }

  /// Reads configuration text. `knownRules` are the rule ids the `rules:` and `ignore:`
  /// sections may name.
  public static func parse(_ text: String, path: String, knownRules: Set<RuleID>)
    throws(ConfigurationError) -> Configuration
  {
    let root = try YAMLReader.parse(text, path: path)
    var configuration = Configuration()
    for (key, value) in try root.mapping(allowed: Keys.top) {
      switch key {
      case "sourceLocale":
        configuration.sourceLocale = try localeName(value)
      case "locales":
        var locales: [String] = []
        for item in try value.list() { locales.append(try localeName(item)) }
        configuration.locales = locales
        configuration.localesLine = value.line
      case "zonePivotGroups":
        configuration.zonePivotGroupsFile = try relativePath(value)
      case "frontMatter":
        for (field, setting) in try value.mapping(allowed: Keys.frontMatter)
        where field == "required" {
          configuration.requiredFrontMatter = try setting.stringList()
        }
      case "rules":
        for (rule, setting) in try value.dictionary() {
          let id = try knownRule(rule, at: setting, knownRules: knownRules)
          configuration.severities[id] = try severity(setting)
        }
      case "ignore":
        for item in try value.list() {
          configuration.ignores.append(try ignore(item, knownRules: knownRules))
        }
      case "links":
        try links(value, into: &configuration)
      case "maxFileSize":
        configuration.maxFileSize = try byteSize(value)
      case "source":
        configuration.sourceRepository = try value.string()
        configuration.sourceRepositoryLine = value.line
      case "translations":
        for (locale, path) in try value.dictionary() {
          guard Locales.isLocaleName(locale) else {
            throw path.error("'\(locale)' is not a locale name like sv-se or zh-cn")
          }
          configuration.translationRepositories.append(
            TranslationRepository(
              locale: locale.lowercased(), path: try path.string(), line: path.line))
        }
      default:
        try transcriptSection(key, value, into: &configuration)
      }
    }
    try configuration.validateTranscripts(path: path)
    return configuration
  }

  private static func localeName(_ value: YAMLReader) throws(ConfigurationError) -> String {
    let name = try value.string()
    guard Locales.isLocaleName(name) else {
      throw value.error("'\(name)' is not a locale folder name like en-us or sv-se")
    }
    return name
  }

  private static func relativePath(_ value: YAMLReader) throws(ConfigurationError) -> String {
    let path = try value.string()
    guard !path.isEmpty, !path.hasPrefix("/"), !RelativePath.escapes(path) else {
      throw value.error("'\(path)' must be a relative path that stays inside the root")
    }
    return path
  }

  private static func knownRule(_ name: String, at value: YAMLReader, knownRules: Set<RuleID>)
    throws(ConfigurationError) -> RuleID
  {
    let id = RuleID(name)
    guard knownRules.contains(id) else {
      var message = "unknown rule '\(name)'"
      if let suggestion = Suggestion.closest(to: name, in: knownRules.map(\.rawValue)) {
        message += " (did you mean '\(suggestion)'?)"
      }
      throw value.error(message)
    }
    return id
  }

  private static func severity(_ value: YAMLReader) throws(ConfigurationError) -> Severity? {
    if case .scalar = value.node, value.node.bool == false { return nil }
    let text = try value.string().lowercased()
    switch text {
    case "off", "none", "ignore": return nil
    default:
      guard let severity = Severity(rawValue: text) else {
        throw value.error("'\(text)' is not a severity: use error, warning, info or off")
      }
      return severity
    }
  }

  private static func ignore(_ value: YAMLReader, knownRules: Set<RuleID>)
    throws(ConfigurationError) -> Ignore
  {
    if case .scalar = value.node { return Ignore(glob: try value.string(), rules: nil) }
    var glob: String?
    var rules: Set<RuleID>?
    for (key, setting) in try value.mapping(allowed: Keys.ignore) {
      if key == "path" { glob = try setting.string() }
      if key == "rules" {
        var ids: Set<RuleID> = []
        for item in try setting.list() {
          ids.insert(try knownRule(try item.string(), at: item, knownRules: knownRules))
        }
        rules = ids
      }
    }
    guard let glob else { throw value.error("an ignore entry needs a 'path'") }
    return Ignore(glob: glob, rules: rules)
  }

  private static func links(_ value: YAMLReader, into configuration: inout Configuration)
    throws(ConfigurationError)
  {
    for (key, setting) in try value.mapping(allowed: Keys.links) {
      if key == "siteRoots" {
        for (prefix, folder) in try setting.dictionary() {
          guard prefix.hasPrefix("/") else {
            throw folder.error("site root '\(prefix)' must start with '/'")
          }
          let normalized = prefix.hasSuffix("/") ? prefix : prefix + "/"
          configuration.siteRoots.append(
            SiteRoot(prefix: normalized, folder: try relativePath(folder)))
        }
        configuration.siteRoots.sort { $0.prefix.count > $1.prefix.count }
      }
      if key == "external" {
        for (name, item) in try setting.mapping(allowed: Keys.external) {
          switch name {
          case "concurrency":
            let count = try item.int()
            guard (1...64).contains(count) else { throw item.error("must be from 1 to 64") }
            configuration.external.concurrency = count
          case "timeout":
            let seconds = try item.double()
            guard seconds > 0, seconds <= 300 else {
              throw item.error("must be more than 0 and at most 300 seconds")
            }
            configuration.external.timeoutSeconds = seconds
          case "retries":
            let retries = try item.int()
            guard (0...10).contains(retries) else { throw item.error("must be from 0 to 10") }
            configuration.external.retries = retries
          case "cache":
            configuration.external.cachePath = try relativePath(item)
          case "maxAge":
            configuration.external.maxAgeSeconds = try duration(item)
          case "exclude":
            let patterns = try item.stringList()
            for (index, pattern) in patterns.enumerated() {
              do { _ = try Regex(pattern) } catch {
                throw try item.list()[index].error("'\(pattern)' is not a valid regular expression")
              }
            }
            configuration.external.exclude = patterns
          default:
            break
          }
        }
      }
    }
  }

  /// `90`, `90s`, `15m`, `12h`, `7d` → seconds.
  static func duration(_ value: YAMLReader) throws(ConfigurationError) -> Int {
    if let seconds = value.node.int, seconds >= 0 { return seconds }
    let text = try value.string().trimmingCharacters(in: [" "])
    let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
    if let unit = text.last, let factor = units[unit], let number = Int(text.dropLast()),
      number >= 0
    {
      return number * factor
    }
    throw value.error("'\(text)' is not a duration: use seconds or a number with s, m, h or d")
  }

  /// `1048576`, `512KB`, `10MB`, `1GB` → bytes.
  static func byteSize(_ value: YAMLReader) throws(ConfigurationError) -> Int {
    if let bytes = value.node.int, bytes > 0 { return bytes }
    let text = try value.string().uppercased().replacingOccurrences(of: " ", with: "")
    for (suffix, factor) in [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("B", 1)] {
      if text.hasSuffix(suffix), let number = Int(text.dropLast(suffix.count)), number > 0 {
        return number * factor
      }
    }
    throw value.error("'\(text)' is not a size: use bytes or a number with KB, MB or GB")
  }
}
