/// Pieces the transcript rules' examples share: one scenario that prints `hi`, with no
/// emulator, and a page that shows a Python program and the transcript after it.
enum Examples {
  static let helloScenario = """
    scenarios:
      hello:
        command: [printf, 'hi\\n']
        emulator: none
        golden: golden/hello.txt

    """

  /// A page with `program` in a python block, then the `hello` transcript `hi`.
  static func program(_ program: String) -> String {
    "# T\n\n```python\n\(program)\n```\n\n<!-- docproof: transcript hello -->\n\n```output\nhi\n```\n"
  }
}
