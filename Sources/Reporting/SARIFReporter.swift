import Crypto
import DocModel
import Foundation

/// SARIF 2.1.0, for code scanning: one run, the rules with their descriptions and help
/// links, results with regions and fingerprints. Locations are relative to `%SRCROOT%`, the
/// repository's root.
public struct SARIFReporter: Reporter {
  public init() {}

  public func render(_ report: Report) throws -> String {
    let ruleIndex = Dictionary(
      uniqueKeysWithValues: report.rules.enumerated().map { ($1.id, $0) })
    let rules: [[String: Any]] = report.rules.map { info in
      [
        "id": info.id.rawValue,
        "name": Self.camelCase(info.id.rawValue),
        "shortDescription": ["text": info.summary],
        "fullDescription": ["text": info.help],
        "help": ["text": info.help],
        "helpUri": Report.helpURI(info.id),
        "defaultConfiguration": [
          "level": Self.level(info.defaultSeverity), "enabled": info.enabledByDefault,
        ],
      ]
    }
    let fingerprints = Self.fingerprints(report)
    let results: [[String: Any]] = report.diagnostics.enumerated().map { index, diagnostic in
      var text = diagnostic.message
      if !diagnostic.notes.isEmpty { text += "\n" + diagnostic.notes.joined(separator: "\n") }
      var result: [String: Any] = [
        "ruleId": diagnostic.rule.rawValue,
        "level": Self.level(diagnostic.severity),
        "message": ["text": text],
        "locations": [
          [
            "physicalLocation": [
              "artifactLocation": [
                "uri": Self.uri(report.displayPath(diagnostic.path)), "uriBaseId": "%SRCROOT%",
              ],
              "region": [
                "startLine": max(1, diagnostic.line), "startColumn": max(1, diagnostic.column),
              ],
            ]
          ]
        ],
        "partialFingerprints": ["docproofFindingHash/v1": fingerprints[index]],
      ]
      if let index = ruleIndex[diagnostic.rule] { result["ruleIndex"] = index }
      return result
    }
    let base =
      report.base.directory.hasSuffix("/") ? report.base.directory : report.base.directory + "/"
    var driver: [String: Any] = [
      "name": "docproof",
      "informationUri": "https://github.com/docproof/docproof",
      "rules": rules,
    ]
    if !report.toolVersion.isEmpty { driver["version"] = report.toolVersion }
    let document: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [
        [
          "tool": ["driver": driver],
          "automationDetails": ["id": report.automationID],
          "originalUriBaseIds": ["%SRCROOT%": ["uri": "file://" + Self.uri(base)]],
          "columnKind": "unicodeCodePoints",
          "results": results,
        ]
      ],
    ]
    let data = try JSONSerialization.data(
      withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// One fingerprint per finding, stable across runs and across edits that only move it:
  /// the SHA-256 of its rule, its path, its message with every number taken out (messages
  /// may name lines) and, for findings alike in all three, which of them it is in order.
  static func fingerprints(_ report: Report) -> [String] {
    var seen: [String: Int] = [:]
    return report.diagnostics.map { diagnostic in
      let message = diagnostic.message.replacing(/[0-9]+/, with: "#")
      let key = [diagnostic.rule.rawValue, report.displayPath(diagnostic.path), message]
        .joined(separator: "\u{0}")
      let ordinal = seen[key, default: 0]
      seen[key] = ordinal + 1
      let digest = SHA256.hash(data: Data("\(key)\u{0}\(ordinal)".utf8))
      return digest.map { String(format: "%02x", $0) }.joined()
    }
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  /// A path as a URI reference: each segment percent-encoded.
  static func uri(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "#?%;")
    return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
  }

  static func camelCase(_ id: String) -> String {
    let parts = id.split(separator: "-")
    return parts.enumerated().map { index, part in
      index == 0 ? String(part) : part.prefix(1).uppercased() + part.dropFirst()
    }.joined()
  }
}
