/// Bookmark ids as Markdig's GitHub-mode auto identifiers make them (DocFX's rules).
public enum BookmarkID {
  /// The id for a heading's text: lowercase; letters, digits, `-` and `_` kept; each space
  /// becomes `-`; everything else dropped; nothing collapsed or trimmed.
  ///
  /// Letters and digits are judged per UTF-16 code unit, as .NET's `char.IsLetterOrDigit`
  /// does, so characters outside the Basic Multilingual Plane (emoji, math letters) are
  /// dropped. The result may be empty: `BookmarkAllocator` turns that into `section`.
  public static func slug(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case " ":
        result.append("-")
      case "-", "_":
        result.append(scalar)
      default:
        guard scalar.value <= 0xFFFF, isLetterOrDigit(scalar) else { continue }
        result.append(lowercased(scalar))
      }
    }
    return String(result)
  }

  static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber:
      return true
    default:
      return false
    }
  }

  static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.isASCII {
      if (0x41...0x5A).contains(scalar.value) { return Unicode.Scalar(scalar.value + 0x20)! }
      return scalar
    }
    // .NET lowercases one UTF-16 unit to one unit: take the simple mapping's first scalar.
    return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
  }
}

/// Hands out unique bookmark ids within one parsed file, as Markdig does: a repeated id gets
/// `-1`, `-2`, ... (the first free one), and an empty one becomes `section`.
public struct BookmarkAllocator: Sendable {
  private var used: Set<String> = []
  /// Per base id, the smallest suffix that may still be free. Ids are only ever added, so
  /// every suffix below it is taken: starting there finds the same first free id as
  /// counting from 1, in amortized constant time.
  private var nextSuffix: [String: Int] = [:]

  public init() {}

  /// Reserves and returns the unique id for a heading's slug.
  public mutating func allocate(slug: String) -> String {
    let base = slug.isEmpty ? "section" : slug
    if used.insert(base).inserted { return base }
    var index = nextSuffix[base, default: 1]
    var candidate = "\(base)-\(index)"
    while !used.insert(candidate).inserted {
      index += 1
      candidate = "\(base)-\(index)"
    }
    nextSuffix[base] = index + 1
    return candidate
  }
}
