import Checks
import DocModel
import Foundation

/// SARIF 2.1.0, for code scanning: one run, the rules with their descriptions, results
/// with regions. Locations are relative to `%SRCROOT%` (the working directory).
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
        "defaultConfiguration": ["level": Self.level(info.defaultSeverity)],
      ]
    }
    let results: [[String: Any]] = report.diagnostics.map { diagnostic in
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
              "region": ["startLine": diagnostic.line, "startColumn": diagnostic.column],
            ]
          ]
        ],
      ]
      if let index = ruleIndex[diagnostic.rule] { result["ruleIndex"] = index }
      return result
    }
    let base =
      report.workingDirectory.hasSuffix("/")
      ? report.workingDirectory : report.workingDirectory + "/"
    let document: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "docproof",
              "informationUri": "https://github.com/docproof/docproof",
              "rules": rules,
            ]
          ],
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
