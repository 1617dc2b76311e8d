/// Locale folder names: `en-us`, `sv-se`, `zh-hant-tw`, `sr-latn-rs`.
public enum Locales {
  /// Whether a folder name looks like a locale (`xx-yy`, letters and digits, any case).
  public static func isLocaleShaped(_ name: String) -> Bool {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 2, parts.count <= 4 else { return false }
    guard (2...3).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
