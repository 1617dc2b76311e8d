import Foundation

/// Locale names as Microsoft Learn writes them: `language[-script]-region`, lowercase.
public enum Locales {
  /// Whether a name is a real language-region tag (`sv-se`, `zh-cn`, `sr-latn-rs`, `es-419`):
  /// an ISO 639 language, an optional ISO 15924 script and an ISO 3166 region or UN M.49
  /// area, in any case. `LTS-version`, `app-service` and `key-vault` are not.
  public static func isLocaleName(_ name: String) -> Bool {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3,
      parts.allSatisfy({
        !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
      })
    else { return false }
    let language = parts[0].lowercased()
    guard (2...3).contains(language.count), language.allSatisfy(\.isLetter),
      Locale.LanguageCode(language).isISOLanguage
    else { return false }
    if parts.count == 3 {
      let script = parts[1].prefix(1).uppercased() + parts[1].dropFirst().lowercased()
      guard script.count == 4, Locale.Script(script).isISOScript else { return false }
    }
    return regions.contains(parts[parts.count - 1].uppercased())
  }

  /// ISO 3166 regions and UN M.49 areas, uppercase.
  private static let regions = Set(Locale.Region.isoRegions.map { $0.identifier.uppercased() })
}
