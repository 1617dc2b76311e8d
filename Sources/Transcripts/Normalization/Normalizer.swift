import DocSite

/// Turns console output into a stable form: values that differ from run to run become
/// named placeholders in trycmd's style.
///
/// Built in, in this order: user rules; Communication Services identity ids of every raw-id
/// prefix (`8:acs:`, `8:dod-acs:`, `8:gcch-acs:`, `8:spool:`, `8:orgid:`, `8:dod:`,
/// `8:gcch:`, `8:teamsvisitor:`, `4:+phone`, `28:bot`) as `[IDENTITY-n]`, numbered by first
/// appearance so that a transcript naming the wrong identity still differs; JWTs and the
/// docs' `<token signature here>` as `[TOKEN]`; timestamps (ISO 8601 with 0 to 9
/// fractional digits and `Z`, `+00:00` or `+0000`; .NET's `10/11/2022 7:34:29 AM +00:00`;
/// JavaScript's `Fri Nov 27 2020 16:47:05 GMT-0800 (Pacific Standard Time)`) as
/// `[TIMESTAMP]`; GUIDs as `[GUID]`. Line endings become `\n`, trailing spaces and trailing
/// blank lines go.
public struct Normalizer: Sendable {
  /// A user rule from `docproof.yml`: text matching `pattern` becomes `[NAME]`.
  public struct UserRule: Sendable, Hashable {
    public var name: String
    public var pattern: String

    public init(name: String, pattern: String) {
      self.name = name
      self.pattern = pattern
    }
  }

  public var userRules: [UserRule]

  public init(userRules: [UserRule] = []) {
    self.userRules = userRules
  }

  /// The normalizer of a site: the built-in redactions plus `normalize:` of docproof.yml.
  public init(configuration: Configuration) {
    self.init(
      userRules: configuration.normalizeRules.map { UserRule(name: $0.name, pattern: $0.pattern) })
  }

  /// The normalized lines of a text.
  public func normalize(_ text: String) -> [String] {
    var numbering: [String: Int] = [:]
    var lines = Self.lines(of: text).map { line in
      var result = line
      for rule in userRules {
        guard let regex = try? Regex(rule.pattern) else { continue }
        result = result.replacing(regex, with: "[\(rule.name)]")
      }
      result = result.replacing(Self.identity) { match in
        let value = String(match.output)
        if numbering[value] == nil { numbering[value] = numbering.count + 1 }
        return "[IDENTITY-\(numbering[value]!)]"
      }
      result = result.replacing(Self.jwt, with: "[TOKEN]")
      result = result.replacing("<token signature here>", with: "[TOKEN]")
      result = result.replacing(Self.javaScriptDate, with: "[TIMESTAMP]")
      result = result.replacing(Self.dotNetDate, with: "[TIMESTAMP]")
      result = result.replacing(Self.isoDate, with: "[TIMESTAMP]")
      result = result.replacing(Self.guid, with: "[GUID]")
      return result
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// Every redacted value of a text with its placeholder (`[IDENTITY-1]`, `[TOKEN]`, ...),
  /// numbered as `normalize` numbers them.
  public func placeholders(in text: String) -> [(value: String, placeholder: String)] {
    var found: [(value: String, placeholder: String)] = []
    var numbering: [String: Int] = [:]
    for line in Self.lines(of: text) {
      for rule in userRules {
        guard let regex = try? Regex(rule.pattern) else { continue }
        for match in line.matches(of: regex) {
          found.append((String(line[match.range]), "[\(rule.name)]"))
        }
      }
      for match in line.matches(of: Self.identity) {
        let value = String(match.output)
        if numbering[value] == nil { numbering[value] = numbering.count + 1 }
        found.append((value, "[IDENTITY-\(numbering[value]!)]"))
      }
      for match in line.matches(of: Self.jwt) { found.append((String(match.output), "[TOKEN]")) }
      if line.contains("<token signature here>") {
        found.append(("<token signature here>", "[TOKEN]"))
      }
      for pattern in [Self.javaScriptDate, Self.dotNetDate, Self.isoDate] {
        for match in line.matches(of: pattern) {
          found.append((String(match.output), "[TIMESTAMP]"))
        }
      }
      for match in line.matches(of: Self.guid) { found.append((String(match.output), "[GUID]")) }
    }
    return found
  }

  /// Lines split on `\n`, `\r\n` or `\r`, without trailing spaces.
  public static func lines(of text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    var previousCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if !previousCR { lines.append(current) }
        current = ""
        previousCR = false
      } else if scalar == "\r" {
        lines.append(current)
        current = ""
        previousCR = true
      } else {
        current.unicodeScalars.append(scalar)
        previousCR = false
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { line in
      var trimmed = Substring(line)
      while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
      return String(trimmed)
    }
  }

  // The patterns, as Swift regexes.
  nonisolated(unsafe) static let identity =
    #/(?:8:(?:acs|dod-acs|gcch-acs|spool|orgid|dod|gcch|teamsvisitor):[0-9A-Za-z_\-]+)|(?:\b4:\+?[0-9]{6,15}\b)|(?:\b28:[0-9A-Za-z_\-:]+)/#
  nonisolated(unsafe) static let jwt = #/eyJ[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/#
  nonisolated(unsafe) static let isoDate =
    #/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+\-]\d{2}:?\d{2})?/#
  nonisolated(unsafe) static let dotNetDate =
    #/\b\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}(?: [AP]M)?(?: [+\-]\d{2}:\d{2})?/#
  nonisolated(unsafe) static let javaScriptDate =
    #/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+\-]\d{4}(?: \([^)]*\))?/#
  nonisolated(unsafe) static let guid =
    #/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/#
}
