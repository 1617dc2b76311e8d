import Foundation
import TestSupport
import Testing
import Transcripts

@Suite struct NormalizerTests {
  let normalizer = Normalizer()

  @Test(arguments: [
    ("expires at 2022-10-11T07:34:29.9028648+00:00:", "expires at [TIMESTAMP]:"),
    ("expires at 2022-10-11T07:34:29.902864800Z:", "expires at [TIMESTAMP]:"),
    ("expires at 2023-10-19T15:35:25.830561+00:00:", "expires at [TIMESTAMP]:"),
    ("expires at 2023-10-19 15:35:25.830561+00:00:", "expires at [TIMESTAMP]:"),
    ("expires at 10/11/2022 7:34:29 AM +00:00:", "expires at [TIMESTAMP]:"),
    (
      "expires at Fri Nov 27 2020 16:47:05 GMT-0800 (Pacific Standard Time):",
      "expires at [TIMESTAMP]:"
    ),
    ("at 2020-11-27T16:47:05Z", "at [TIMESTAMP]"),
    ("request 9f3c2b1e-4d5a-4c3b-8e2f-1a2b3c4d5e6f done", "request [GUID] done"),
    ("<token signature here>", "[TOKEN]"),
    ("eyJhbGciOiJSUzI1NiJ9.eyJza3lwZWlkIjoiYWNzIn0.kTXpQQtY7w6O82kB-_x", "[TOKEN]"),
  ])
  func redactions(_ input: String, _ expected: String) {
    #expect(normalizer.normalize(input) == [expected])
  }

  /// Found by the `normalization` fuzzer: `placeholders(in:)` ran every pattern on the
  /// original line and listed the GUID inside an identity id, which `normalize` never
  /// redacts on its own (the identity rule took it first).
  @Test func placeholdersAreExactlyTheReplacementsNormalizeMakes() throws {
    let data = try Data(
      contentsOf: Fixtures.root.appendingPathComponent(
        "fuzz/regressions/normalization/guid-inside-identity.txt"))
    let text = String(decoding: data, as: UTF8.self)
    let output = normalizer.normalize(text).joined(separator: "\n")
    let found = normalizer.placeholders(in: text)
    #expect(!found.isEmpty)
    for (value, placeholder) in found {
      #expect(output.contains(placeholder), "\(placeholder) for \(value)")
    }
    #expect(!found.contains { $0.value == "5ccc92c8-9815-4422-bddc-ceea181dc774" })

    let line =
      "id 8:acs:5ccc92c8-9815-4422-bddc-ceea181dc774_0000 and 6f1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"
    let pairs = normalizer.placeholders(in: line).map { "\($0.placeholder)=\($0.value)" }
    #expect(
      pairs == [
        "[IDENTITY-1]=8:acs:5ccc92c8-9815-4422-bddc-ceea181dc774_0000",
        "[GUID]=6f1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
      ])
  }

  /// Found by the `normalization` fuzzer: a date right after a date kept its digits on the
  /// first pass (no word boundary between `29` and `10`) and lost them on the second, once
  /// `[TIMESTAMP]` stood before it: normalizing was not idempotent.
  @Test func normalizingNormalizedTextChangesNothing() throws {
    let data = try Data(
      contentsOf: Fixtures.root.appendingPathComponent(
        "fuzz/regressions/normalization/timestamp-after-timestamp.txt"))
    let text = String(decoding: data, as: UTF8.self)
    let once = normalizer.normalize(text)
    #expect(once == ["Expires at [TIMESTAMP][TIMESTAMP] here"])
    #expect(normalizer.normalize(once.joined(separator: "\n")) == once)
    #expect(
      normalizer.placeholders(in: text).map(\.value) == [
        "10/11/2022 7:34:29", "10/11/2022 7:34:29",
      ])
    // A user rule whose placeholder it matches again stops after exactly 8 passes: each
    // turns every X into [XX], so the line grows from 1 character to 1 + 3 * (2^8 - 1).
    let growing = Normalizer(userRules: [.init(name: "XX", pattern: "X")])
    #expect(growing.normalize("X").first?.count == 1 + 3 * 255)
  }

  @Test func identityIdsOfEveryPrefixAreNumberedByFirstAppearance() {
    let text = """
      8:acs:4ccc92c8-9815-4422-bddc-ceea181dc774_00000006-19e0-2727-80f5-8b3a0d003502
      8:acs:4ccc92c8-9815-4422-bddc-ceea181dc774_00000006-1ce9-31b4-54b7-a43a0d006a52
      revoked 8:acs:4ccc92c8-9815-4422-bddc-ceea181dc774_00000006-19e0-2727-80f5-8b3a0d003502
      8:dod-acs:x_1 8:gcch-acs:y_2 8:spool:z 8:orgid:a 8:dod:b 8:gcch:c 8:teamsvisitor:d
      phone 4:+14255550123 bot 28:abc-123
      """
    #expect(
      normalizer.normalize(text) == [
        "[IDENTITY-1]", "[IDENTITY-2]", "revoked [IDENTITY-1]",
        "[IDENTITY-3] [IDENTITY-4] [IDENTITY-5] [IDENTITY-6] [IDENTITY-7] [IDENTITY-8] [IDENTITY-9]",
        "phone [IDENTITY-10] bot [IDENTITY-11]",
      ])
  }

  @Test func lineEndingsTrailingSpacesAndTrailingBlankLines() {
    #expect(normalizer.normalize("a  \r\nb\rc\t\n\n\n") == ["a", "b", "c"])
    #expect(normalizer.normalize("\nfirst") == ["", "first"])
  }

  @Test func userRules() {
    let custom = Normalizer(userRules: [.init(name: "REQUEST", pattern: #"req-[0-9]+"#)])
    #expect(custom.normalize("sent req-12345 ok") == ["sent [REQUEST] ok"])
  }

  /// Every console transcript of the real Learn pages normalizes to the same shape.
  @Test func corpusTranscriptsShareOneShape() throws {
    let includes = Fixtures.corpora.appendingPathComponent(
      "azure-docs-acs/en-us/communication-services/quickstarts/includes/access-tokens")
    var shapes: [String: [String]] = [:]
    for language in ["js", "net", "java"] {
      let text = try String(
        contentsOf: includes.appendingPathComponent("access-token-\(language).md"), encoding: .utf8)
      let block = try #require(
        Self.consoleBlock(startingWith: "Azure Communication Services", in: text))
      shapes[language] = normalizer.normalize(block)
    }
    #expect(shapes["js"] == shapes["net"])
    #expect(
      shapes["js"]?[4] == "Issued an access token with 'voip' scope that expires at [TIMESTAMP]:")
    #expect(shapes["js"]?[5] == "[TOKEN]")
    #expect(shapes["js"]?.last == "Deleted the identity with ID: [IDENTITY-1]")
    // The Java page prints a 'chat' token for the second identity: a real difference.
    #expect(
      shapes["java"]?[9] == "Issued an access token with 'chat' scope that expires at [TIMESTAMP]:")
  }

  static func consoleBlock(startingWith prefix: String, in text: String) -> String? {
    var lines: [String]?
    for line in text.components(separatedBy: "\n") {
      if lines == nil {
        if line.hasPrefix("```console") { lines = [] }
        continue
      }
      if line.hasPrefix("```") {
        if lines!.first?.hasPrefix(prefix) == true { return lines!.joined(separator: "\n") }
        lines = nil
        continue
      }
      lines!.append(line)
    }
    return nil
  }
}

@Suite struct TranscriptMatcherTests {
  @Test func wildcards() {
    #expect(TranscriptMatcher.matches(expected: ["a", "b"], actual: ["a", "b"]))
    #expect(!TranscriptMatcher.matches(expected: ["a", "b"], actual: ["a", "c"]))
    #expect(TranscriptMatcher.matches(expected: ["Created [..]"], actual: ["Created an identity"]))
    #expect(
      TranscriptMatcher.matches(
        expected: ["[..] with ID: [..]"], actual: ["Created an identity with ID: x"]))
    #expect(!TranscriptMatcher.matches(expected: ["Deleted [..]"], actual: ["Created x"]))
    #expect(
      TranscriptMatcher.matches(
        expected: ["first", "...", "last"], actual: ["first", "a", "b", "last"]))
    #expect(
      TranscriptMatcher.matches(expected: ["first", "...", "last"], actual: ["first", "last"]))
    #expect(TranscriptMatcher.matches(expected: ["..."], actual: []))
    #expect(!TranscriptMatcher.matches(expected: ["first", "..."], actual: ["second"]))
  }

  @Test func diffPointsIntoThePage() {
    let diff = UnifiedDiff(
      old: ["a", "b", "c", "d"], new: ["a", "B", "c", "d", "e"],
      equal: TranscriptMatcher.lineMatches)
    #expect(
      diff.render(oldLabel: "page.md", newLabel: "golden.txt", oldStart: 40, context: 1)
        == """
        --- page.md
        +++ golden.txt
        @@ -40,4 +1,5 @@
         a
        -b
        +B
         c
         d
        +e

        """)
    #expect(UnifiedDiff(old: ["x"], new: ["x"]).isEmpty)
    let apart = UnifiedDiff(
      old: ["1", "2", "3", "4", "5", "6", "7"], new: ["1", "x", "3", "4", "5", "6", "y"])
    #expect(
      apart.render(oldLabel: "a", newLabel: "b", context: 1).components(separatedBy: "@@ -").count
        == 3, "distant changes make two hunks")
  }
}
