import DocModel
import Testing

@testable import Checks

/// Snippet regions and ranges against their source files.
@Suite struct CodeRegionTests {
  static let source = """
    import os

    # <setup>
    client = make()
    # </setup>

    # <Delete>
    client.delete()
    # </Delete>
    """

  @Test func aMissingRegionIsReportedWithADidYouMean() async throws {
    let result = try await check([
      "en-us/app.py": Self.source,
      "en-us/page.md": """
      # T

      :::code language="python" source="app.py" id="setpu":::

      [!code-python[](app.py?name=delete)]

      [!code-python[](app.py#Cleanup)]

      :::code language="python" source="app.py" range="3-5":::

      :::code language="python" source="app.py" range="40-45":::
      """,
    ])
    let findings = result.all(.codeRegionNotFound)
    #expect(
      findings.map { "\($0.line) \($0.message) | \($0.notes.first ?? "")" } == [
        "3 code snippet region 'setpu' not found in en-us/app.py | did you mean 'setup'?",
        "7 code snippet region 'Cleanup' not found in en-us/app.py | its regions: setup, Delete",
        "11 code snippet range '40-45' starts past the end of en-us/app.py (9 lines) | DocFX warns: \"It looks like your code snippet was not rendered. Try range instead.\"",
      ])
  }

  @Test func firstLineOfARange() {
    #expect(CodeRegionNotFound.firstLine(of: "3-5,9") == 3)
    #expect(CodeRegionNotFound.firstLine(of: "L7-L9") == 7)
    #expect(CodeRegionNotFound.firstLine(of: "start=4&end=6") == 4)
    #expect(CodeRegionNotFound.firstLine(of: "x") == nil)
  }
}
