/// A small, fast, deterministic pseudo-random generator (SplitMix64), so that every run
/// parses exactly the same pages.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates realistic DocFX Markdown pages of a given size, the same bytes for the same
/// size and seed.
///
/// A page is front matter, a title, then a rotation of the constructs Learn quickstarts use:
/// sections with headings (some with `<a name>` ids, some non-ASCII), paragraphs with inline
/// and reference links, inline code and autolinks, `::: zone` blocks holding includes and
/// code, fenced code, `:::image` (simple and complex), alerts, `[!div]` sections, HTML
/// anchors and comments, tables, lists and `[!code-x[]()]` references; reference
/// definitions close the page.
struct PageGenerator {
  static let languages = ["csharp", "java", "javascript", "python", "azcli", "powershell"]
  static let words = [
    "access", "token", "identity", "resource", "communication", "services", "client",
    "create", "issue", "refresh", "revoke", "delete", "endpoint", "connection", "string",
    "environment", "variable", "application", "quickstart", "sample", "user", "scope", "voip",
    "chat", "expires", "request", "response", "portal", "command", "install", "package",
    "project", "directory", "console", "output", "the", "a", "to", "and", "with", "for", "your",
  ]
  static let foreignWords = [
    "Förutsättningar", "Översikt", "åtkomsttoken", "Übersicht", "Schlüssel", "créer",
    "éléments", "identité", "日本語", "トークン", "身份", "令牌", "доступ", "токен",
  ]

  private var random: SplitMix64
  private var text = ""
  private var sectionIndex = 0
  private var referenceCount = 0
  /// The bytes the reference definitions will take at the end of the page.
  private var referenceBytes = 1

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  /// A page of about `bytes` bytes of UTF-8 (within one section, a few hundred bytes),
  /// ending with its reference definitions.
  static func page(bytes target: Int, seed: UInt64 = 0x646F_6370_726F_6F66) -> [UInt8] {
    var generator = PageGenerator(seed: seed)
    return generator.generate(target)
  }

  private mutating func generate(_ target: Int) -> [UInt8] {
    text.reserveCapacity(target + 64 * 1024)
    frontMatter()
    text += "# Quickstart: Create and manage access tokens\n\n"
    paragraph()
    while text.utf8.count + referenceBytes < target {
      section()
    }
    referenceDefinitions()
    return Array(text.utf8)
  }

  // MARK: - Pieces

  private mutating func frontMatter() {
    text += """
      ---
      title: Quickstart - Create and manage access tokens
      titleSuffix: An Azure Communication Services quickstart
      description: Learn how to manage identities and access tokens.
      author: tophpalmer
      manager: chpalm
      services: azure-communication-services
      ms.author: chpalm
      ms.date: 06/30/2021
      ms.topic: quickstart
      ms.service: azure-communication-services
      zone_pivot_groups: acs-azcli-js-csharp-java-python-portal-nocode
      ms.custom:
        - mode-other
        - devx-track-js
        - devx-track-azurecli
      ---


      """
  }

  private mutating func section() {
    sectionIndex += 1
    heading(level: 2)
    paragraph()
    switch sectionIndex % 8 {
    case 0: zoneBlock()
    case 1: fencedCode(language: pick(Self.languages))
    case 2: image()
    case 3: alert()
    case 4: table()
    case 5: list()
    case 6: htmlBlock()
    default: codeReference()
    }
    if sectionIndex % 3 == 0 {
      heading(level: 3)
      paragraph()
      zoneBlock()
    }
    if sectionIndex % 5 == 0 { divSection() }
  }

  private mutating func heading(level: Int) {
    text += String(repeating: "#", count: level) + " "
    switch sectionIndex % 4 {
    case 0: text += "<a name=\"section-\(sectionIndex)\"></a>"
    case 1: text += pick(Self.foreignWords) + " "
    default: break
    }
    text += capitalized(words(2...5)) + "\n\n"
  }

  private mutating func paragraph() {
    let sentences = Int.random(in: 2...5, using: &random)
    var parts: [String] = []
    for _ in 0..<sentences {
      var sentence = capitalized(words(4...12))
      switch Int.random(in: 0..<9, using: &random) {
      case 0: sentence += " [\(words(1...3))](../concepts/\(pick(Self.words))-\(sectionIndex).md)"
      case 1: sentence += " [\(words(1...3))](#section-\(max(1, sectionIndex - 1)))"
      case 2:
        referenceCount += 1
        referenceBytes += Self.referenceDefinition(referenceCount).utf8.count
        sentence += " [\(words(1...3))][ref-\(referenceCount)]"
      case 3: sentence += " `\(pick(Self.words)).\(pick(Self.words))()`"
      case 4: sentence += " **\(words(1...2))** and *\(words(1...2))*"
      case 5: sentence += " <https://learn.microsoft.com/azure/\(pick(Self.words))>"
      case 6: sentence += " \(pick(Self.foreignWords)) \(pick(Self.foreignWords))"
      case 7:
        sentence += " [!INCLUDE [note](../includes/public-preview-notice.md)]"
      default: break
      }
      parts.append(sentence + ".")
    }
    text += parts.joined(separator: " ") + "\n\n"
  }

  private mutating func zoneBlock() {
    let language = pick(Self.languages)
    text += "::: zone pivot=\"programming-language-\(language)\"\n\n"
    text += "[!INCLUDE [\(language)](./includes/access-tokens/access-token-\(language).md)]\n\n"
    paragraph()
    if sectionIndex % 2 == 0 { fencedCode(language: language) }
    text += "::: zone-end\n\n"
  }

  private mutating func fencedCode(language: String) {
    text += "```\(language)\n"
    let lines = Int.random(in: 4...12, using: &random)
    for line in 0..<lines {
      let indent = String(repeating: " ", count: 4 * (line % 3))
      text +=
        "\(indent)var \(pick(Self.words))\(line) = client.\(pick(Self.words))(\"\(words(1...3))\");\n"
    }
    text += "```\n\n"
  }

  private mutating func image() {
    let name = "\(pick(Self.words))-\(sectionIndex)"
    if sectionIndex % 16 == 2 {
      text += """
        :::image type="complex" source="./media/\(name).png" alt-text="\(words(3...6))":::
        \(capitalized(words(8...16))).
        :::image-end:::


        """
    } else {
      text += """
        :::image type="content" source="./media/\(name).png" alt-text="\(words(3...6))" \
        lightbox="./media/\(name)-large.png":::


        """
    }
  }

  private mutating func alert() {
    let type = pick(["NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"])
    text +=
      "> [!\(type)]\n> \(capitalized(words(6...14))). See [\(words(1...2))](./\(pick(Self.words)).md).\n\n"
  }

  private mutating func divSection() {
    text +=
      "> [!div class=\"nextstepaction\"]\n> [\(capitalized(words(2...4)))](./\(pick(Self.words)).md)\n\n"
  }

  private mutating func table() {
    text += "| Name | Value | Notes |\n|---|---|---|\n"
    for _ in 0..<4 {
      text +=
        "| `\(pick(Self.words))` | \(words(1...3)) | [\(words(1...2))](./\(pick(Self.words)).md) |\n"
    }
    text += "\n"
  }

  private mutating func list() {
    for number in 1...4 {
      text += "\(number). \(capitalized(words(3...9))).\n"
      if number == 2 {
        text += "\n   ```console\n   dotnet add package Azure.Communication.Identity\n   ```\n\n"
      }
    }
    text += "\n"
  }

  private mutating func htmlBlock() {
    text += """
      <a name="anchor-\(sectionIndex)"></a>
      <div id="panel-\(sectionIndex)" class="panel">
      <p>\(words(4...8))</p>
      </div>

      <!-- docproof-disable-next-line bookmark-not-found -->
      See the <span id="inline-\(sectionIndex)">\(words(1...3))</span> note.


      """
  }

  private mutating func codeReference() {
    let language = pick(Self.languages)
    text +=
      "[!code-\(language)[Main](../code/\(pick(Self.words)).cs?name=snippet_\(sectionIndex))]\n\n"
  }

  private mutating func referenceDefinitions() {
    guard referenceCount > 0 else { return }
    text += "\n"
    for index in 1...referenceCount { text += Self.referenceDefinition(index) }
  }

  private static func referenceDefinition(_ index: Int) -> String {
    "[ref-\(index)]: https://learn.microsoft.com/azure/communication-services/r\(index)\n"
  }

  // MARK: - Words

  private mutating func pick(_ list: [String]) -> String {
    list[Int.random(in: 0..<list.count, using: &random)]
  }

  private mutating func words(_ count: ClosedRange<Int>) -> String {
    let number = Int.random(in: count, using: &random)
    var result = ""
    for index in 0..<number {
      if index > 0 { result += " " }
      result += pick(Self.words)
    }
    return result
  }

  private func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
