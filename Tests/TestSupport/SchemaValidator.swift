import CLibXML2
import Foundation

/// XML Schema validation with libxml2, for reports that must match a schema.
public enum SchemaValidator {
  /// Validates XML text against an XSD; returns the problems (empty when valid).
  public static func validate(xml: String, schema: URL) -> [String] {
    xmlInitParser()
    guard let parserContext = xmlSchemaNewParserCtxt(schema.path),
      let parsed = xmlSchemaParse(parserContext)
    else { return ["cannot read the schema \(schema.path)"] }
    defer {
      xmlSchemaFree(parsed)
      xmlSchemaFreeParserCtxt(parserContext)
    }
    let bytes = Array(xml.utf8)
    guard
      let document = bytes.withUnsafeBufferPointer({ buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          xmlReadMemory(
            $0, Int32(buffer.count), "report.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }
      })
    else { return ["not well-formed XML"] }
    defer { xmlFreeDoc(document) }
    guard let context = xmlSchemaNewValidCtxt(parsed) else { return ["no validation context"] }
    defer { xmlSchemaFreeValidCtxt(context) }
    let problems = ProblemList()
    xmlSchemaSetValidStructuredErrors(
      context,
      { userData, error in
        guard let userData, let error else { return }
        let list = Unmanaged<ProblemList>.fromOpaque(userData).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "?"
        list.items.append(
          "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
      }, Unmanaged.passUnretained(problems).toOpaque())
    let status = xmlSchemaValidateDoc(context, document)
    if status != 0, problems.items.isEmpty { problems.items.append("invalid (status \(status))") }
    return problems.items
  }
}

final class ProblemList: @unchecked Sendable {
  var items: [String] = []
}
