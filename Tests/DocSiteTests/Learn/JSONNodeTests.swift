import DocModel
import Testing

@testable import DocSite

/// JSON as the Learn build's JSON.NET reads it, with positions.
@Suite struct JSONNodeTests {
  func parse(_ text: String) throws -> JSONNode { try JSONNode.parse(Array(text.utf8)) }

  func error(_ text: String) -> JSONNode.SyntaxError? {
    do {
      _ = try JSONNode.parse(Array(text.utf8))
      return nil
    } catch { return error }
  }

  @Test func whatJSONNETReadsBesidesJSON() throws {
    let node = try parse(
      """
      // a comment
      {
        /* another */ "a": [1, 2,],
        'b': 'single',
        c: true,
        "a": "again",
      }
      """)
    #expect(node.line == 2 && node.column == 1)
    guard case .object(let properties) = node.value else {
      Issue.record("not an object")
      return
    }
    #expect(properties.map(\.name) == ["a", "b", "c"], "a repeated property keeps its place")
    #expect(properties[0].value.yamlValue == .string("again"), "and takes the last value")
    #expect(properties[0].value.line == 6 && properties[0].value.column == 8)
    #expect(properties[1].value.yamlValue == .string("single"))
    #expect(properties[2].value.yamlValue == .bool(true))
  }

  @Test func valuesAndEscapes() throws {
    let node = try parse(
      #"{"s": "tab\there \u00e9 \ud83d\ude00 \"q\" \/", "n": -1.5e3, "i": 42, "z": null}"#)
    #expect(
      node.yamlValue
        == .mapping([
          YAMLEntry(key: "s", value: .string("tab\there é 😀 \"q\" /"), line: 1),
          YAMLEntry(key: "n", value: .double(-1500), line: 1),
          YAMLEntry(key: "i", value: .int(42), line: 1),
          YAMLEntry(key: "z", value: .null, line: 1),
        ]))
  }

  @Test func errorsAreWhereTheProblemIs() {
    let missingComma = error("{\n  \"a\": {\n    \"x\": 1\n  }\n  \"b\": 2\n}")
    #expect(missingComma?.line == 5 && missingComma?.column == 3)
    #expect(missingComma?.message == "expected ',' or '}' after the value of 'a'")
    #expect(error("{\"a\": \"open\n}")?.message == "a string that is never closed")
    #expect(error("{\"a\": tru}")?.message == "'tru' is not a JSON value")
    #expect(error("{} x")?.message == "unexpected text after the JSON value")
    #expect(error("/* never closed")?.message == "a comment that is never closed")
    #expect(error("")?.message == "the text ends where a value was expected")
    #expect(error(String(repeating: "[", count: 600))?.message == "nested more than 512 deep")
    #expect(
      error(#"{"u": "\u12"}"#)?.message == "'\\u' must be followed by four hexadecimal digits")
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let node = try JSONNode.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
    #expect(node.line == 1 && node.column == 1)
  }
}
