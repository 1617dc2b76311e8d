import CLibXML2
import DocModel
import Foundation

/// JUnit XML, written with libxml2's text writer: one test case per checked file that has
/// findings, failing when it has errors; warnings and notes go to `system-out`. What ran
/// and what was compared are test cases too, so that a CI test tab shows them: a suite of
/// scenarios and docs programs (skipped with `--no-run`) and one of transcripts.
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
    let proof = report.proof.flatMap { $0.isEmpty ? nil : $0 }
    let runs = (proof?.scenarios ?? []) + (proof?.programs ?? [])
    let runsFailing = runs.count { $0.result == .failed || $0.result == .differs }
    let runsSkipped = runs.count { $0.result == .notRun }
    let comparisons = proof?.transcripts ?? []
    let comparisonsFailing = comparisons.count { !$0.matched }

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
    func startSuite(_ name: String, tests: Int, failures: Int, skipped: Int = 0, time: String = "0")
    {
      start("testsuite")
      attribute("name", name)
      attribute("tests", String(tests))
      attribute("failures", String(failures))
      attribute("errors", "0")
      attribute("skipped", String(skipped))
      attribute("time", time)
    }

    start("testsuites")
    attribute("name", "docproof")
    attribute("tests", String(tests + runs.count + comparisons.count))
    attribute("failures", String(failing + runsFailing + comparisonsFailing))
    attribute("errors", "0")
    attribute("time", "0")
    startSuite("docproof check \(report.root)", tests: tests, failures: failing)
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
    if !runs.isEmpty {
      startSuite(
        "scenarios", tests: runs.count, failures: runsFailing, skipped: runsSkipped,
        time: Self.seconds(runs.compactMap(\.seconds).reduce(0, +)))
      for run in runs {
        start("testcase")
        attribute("classname", "docproof.\(run.runner)")
        attribute("name", run.name)
        attribute("time", Self.seconds(run.seconds ?? 0))
        switch run.result {
        case .passed: break
        case .failed, .differs:
          start("failure")
          attribute("message", run.detail ?? run.result.rawValue)
          attribute("type", run.result.rawValue)
          end()
        case .notRun:
          start("skipped")
          attribute("message", "not run (--no-run)")
          end()
        }
        end()
      }
      end()
    }
    if !comparisons.isEmpty {
      startSuite("transcripts", tests: comparisons.count, failures: comparisonsFailing)
      for comparison in comparisons {
        start("testcase")
        attribute("classname", "docproof.transcript")
        attribute(
          "name",
          "\(report.displayPath(comparison.path)):\(comparison.line) (\(comparison.scenario))")
        attribute("time", "0")
        if !comparison.matched {
          start("failure")
          attribute("message", "differs from the output of '\(comparison.scenario)'")
          attribute("type", "transcript-drift")
          end()
        }
        end()
      }
      end()
    }
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

  static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

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
