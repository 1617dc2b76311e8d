import Transcripts

/// libFuzzer's entry point: normalizes the input (as UTF-8, repaired) as console output.
///
/// The normalizer runs on both sides of every comparison, and golden files hold its output,
/// which is normalized again when compared: so besides crashes and hangs (every built-in
/// pattern is a regex over untrusted text), `checkInvariants` traps when normalizing is not
/// idempotent, when a line keeps a line break or trailing whitespace, when trailing blank
/// lines remain, or when `placeholders(in:)` names a placeholder `normalize` never writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalization(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let text = String(decoding: bytes, as: UTF8.self)
  checkInvariants(builtIn, text)
  checkInvariants(withUserRule, text)
  return 0
}

/// The built-in redactions only.
let builtIn = Normalizer()
/// A user rule as docproof.yml writes one, applied before the built-in ones. Made once: the
/// standard library's regex compiler keeps some memory per compiled pattern.
let withUserRule = Normalizer(
  userRules: [.init(name: "PORT", pattern: #"127\.0\.0\.1:[0-9]+"#)])

/// Traps when normalizing `text` breaks one of the normalizer's promises.
func checkInvariants(_ normalizer: Normalizer, _ text: String) {
  // `fatalError`, not `precondition`: release builds keep its message.
  func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("normalization invariant: \(message())") }
  }
  let lines = normalizer.normalize(text)
  for (index, line) in lines.enumerated() {
    require(
      !line.unicodeScalars.contains { $0 == "\n" || $0 == "\r" },
      "line \(index + 1) holds a line break: \(line.debugDescription)")
    require(
      line.last != " " && line.last != "\t",
      "line \(index + 1) ends in whitespace: \(line.debugDescription)")
  }
  require(lines.last?.isEmpty != true, "a trailing blank line remains")
  let again = normalizer.normalize(lines.joined(separator: "\n"))
  require(
    again == lines,
    "normalizing twice differs:\n\(lines.joined(separator: "\n").debugDescription)\n"
      + "\(again.joined(separator: "\n").debugDescription)")
  // Each listed placeholder is one `normalize` writes. It need not survive in the output: a
  // later rule may take it in (a JavaScript date's "(zone name)" can hold an identity id).
  let names = Set(
    ["[TOKEN]", "[TIMESTAMP]", "[GUID]"] + normalizer.userRules.map { "[\($0.name)]" })
  let identities = normalizer.placeholders(in: text).filter {
    $0.placeholder.hasPrefix("[IDENTITY-")
  }
  for (value, placeholder) in normalizer.placeholders(in: text) {
    require(!value.isEmpty, "an empty value for \(placeholder)")
    require(
      names.contains(placeholder)
        || (1...max(identities.count, 1)).contains { placeholder == "[IDENTITY-\($0)]" },
      "placeholder \(placeholder) for \(value.debugDescription) is not one normalize writes")
  }
}
