import CLibXML2
import DocModel
import Foundation

/// JUnit XML, written with libxml2's text writer: one test case per checked file that has
/// findings, failing when it has errors; warnings and notes go to `system-out`.
public struct JUnitReporter: Reporter {
  public init() {}

  public struct WriterError: Error, CustomStringConvertible {
    public var description: String
  }

  public func render(_ report: Report) throws -> String {
    let byFile = Dictionary(grouping: report.diagnostics, by: \.path)
    let paths = byFile.keys.sorted()
    let failing = paths.filter { byFile[$0]!.contains { $0.severity == .error } }.count
    let clean = max(0, report.filesChecked - paths.count)
    let tests = paths.count + (clean > 0 ? 1 : 0)

    guard let buffer = xmlBufferCreate() else { throw WriterError(description: "out of memory") }
    defer { xmlBufferFree(buffer) }
    guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
      throw WriterError(description: "cannot create the XML writer")
    }
    var status: Int32 = 0
    func check(_ result: Int32) { if result < 0 { status = result } }
    xmlTextWriterSetIndent(writer, 1)
    check(xmlTextWriterStartDocument(writer, nil, "UTF-8", nil))
    func start(_ name: String) { check(xmlTextWriterStartElement(writer, name)) }
    func end() { check(xmlTextWriterEndElement(writer)) }
    func attribute(_ name: String, _ value: String) {
      check(xmlTextWriterWriteAttribute(writer, name, Self.xmlSafe(value)))
    }
    func text(_ value: String) { check(xmlTextWriterWriteString(writer, Self.xmlSafe(value))) }

    start("testsuites")
    attribute("name", "docproof")
    attribute("tests", String(tests))
    attribute("failures", String(failing))
    attribute("errors", "0")
    attribute("time", "0")
    start("testsuite")
    attribute("name", "docproof check \(report.root)")
    attribute("tests", String(tests))
    attribute("failures", String(failing))
    attribute("errors", "0")
    attribute("skipped", "0")
    attribute("time", "0")
    for path in paths {
      let findings = byFile[path]!
      let display = report.displayPath(path)
      start("testcase")
      attribute("classname", "docproof")
      attribute("name", display)
      attribute("time", "0")
      let errors = findings.filter { $0.severity == .error }
      if !errors.isEmpty {
        start("failure")
        attribute("message", "\(errors.count) error\(errors.count == 1 ? "" : "s") in \(display)")
        attribute("type", errors[0].rule.rawValue)
        text(errors.map { line($0, report) }.joined(separator: "\n"))
        end()
      }
      let others = findings.filter { $0.severity != .error }
      if !others.isEmpty {
        start("system-out")
        text(others.map { line($0, report) }.joined(separator: "\n"))
        end()
      }
      end()
    }
    if clean > 0 {
      start("testcase")
      attribute("classname", "docproof")
      attribute("name", "\(clean) other file\(clean == 1 ? "" : "s") without findings")
      attribute("time", "0")
      end()
    }
    end()
    end()
    check(xmlTextWriterEndDocument(writer))
    xmlFreeTextWriter(writer)
    guard status >= 0, let content = xmlBufferContent(buffer) else {
      throw WriterError(description: "libxml2 could not write the JUnit report")
    }
    return String(cString: content)
  }

  private func line(_ diagnostic: Diagnostic, _ report: Report) -> String {
    var text =
      "\(report.displayPath(diagnostic.path)):\(diagnostic.line):\(diagnostic.column): "
      + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"
    for note in diagnostic.notes { text += "\n    note: \(note)" }
    return text
  }

  /// Drops the characters XML 1.0 cannot carry at all.
  static func xmlSafe(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { scalar in
          let value = scalar.value
          return value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || value >= 0x10000
        }))
  }
}
