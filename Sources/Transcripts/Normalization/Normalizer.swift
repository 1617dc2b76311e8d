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

  public let userRules: [UserRule]
  /// The user rules' patterns, compiled once (a pattern that does not compile is skipped;
  /// `docproof.yml` reports it where it is written).
  nonisolated(unsafe) private let compiledRules:
    [(regex: Regex<AnyRegexOutput>, placeholder: String)]

  public init(userRules: [UserRule] = []) {
    self.userRules = userRules
    self.compiledRules = userRules.compactMap { rule in
      (try? Regex(rule.pattern)).map { ($0, "[\(rule.name)]") }
    }
  }

  /// The normalizer of a site: the built-in redactions plus `normalize:` of docproof.yml.
  public init(configuration: Configuration) {
    self.init(
      userRules: configuration.normalizeRules.map { UserRule(name: $0.name, pattern: $0.pattern) })
  }

  /// The normalized lines of a text.
  public func normalize(_ text: String) -> [String] {
    var numbering: [String: Int] = [:]
    var lines = Self.lines(of: text).map { redactFully($0, numbering: &numbering) { _, _ in } }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// Every value `normalize` redacts in a text, with its placeholder (`[IDENTITY-1]`,
  /// `[TOKEN]`, ...), in order: exactly the replacements `normalize` makes, so a value
  /// inside one already redacted (a GUID inside an identity id) is not listed on its own.
  public func placeholders(in text: String) -> [(value: String, placeholder: String)] {
    var found: [(value: String, placeholder: String)] = []
    var numbering: [String: Int] = [:]
    for line in Self.lines(of: text) {
      _ = redactFully(line, numbering: &numbering) { found.append(($0, $1)) }
    }
    return found
  }

  /// The most passes of the rules over one line.
  static let maximumPasses = 8

  /// One line with the rules applied until it no longer changes (at most `maximumPasses`
  /// times), so that normalizing normalized text changes nothing: a placeholder can open a
  /// word boundary a pattern needs (`7:34:2910/11/2022 7:34:29` leaves the second date
  /// whole on the first pass and reads `[TIMESTAMP]10/11/2022 7:34:29` after it; found by
  /// the normalization fuzzer).
  private func redactFully(
    _ line: String, numbering: inout [String: Int],
    replaced: (_ value: String, _ placeholder: String) -> Void
  ) -> String {
    var current = line
    for _ in 0..<Self.maximumPasses {
      let next = redact(current, numbering: &numbering, replaced: replaced)
      if next == current { break }
      current = next
    }
    return current
  }

  /// One line with every rule applied in order, each on the previous one's result;
  /// `replaced` hears each value and its placeholder.
  private func redact(
    _ line: String, numbering: inout [String: Int],
    replaced: (_ value: String, _ placeholder: String) -> Void
  ) -> String {
    var result = line
    func apply(_ regex: some RegexComponent, _ placeholder: (String) -> String) {
      let current = result
      result = current.replacing(regex) { match in
        let value = String(current[match.range])
        let name = placeholder(value)
        replaced(value, name)
        return name
      }
    }
    for rule in compiledRules { apply(rule.regex) { _ in rule.placeholder } }
    apply(Self.identity) { value in
      if numbering[value] == nil { numbering[value] = numbering.count + 1 }
      return "[IDENTITY-\(numbering[value]!)]"
    }
    apply(Self.jwt) { _ in "[TOKEN]" }
    apply(Self.tokenPlaceholder) { _ in "[TOKEN]" }
    apply(Self.javaScriptDate) { _ in "[TIMESTAMP]" }
    apply(Self.dotNetDate) { _ in "[TIMESTAMP]" }
    apply(Self.isoDate) { _ in "[TIMESTAMP]" }
    apply(Self.guid) { _ in "[GUID]" }
    return result
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
  nonisolated(unsafe) static let tokenPlaceholder = #/<token signature here>/#
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
