import Foundation

/// Percent-encoding of URL path segments and query components (RFC 3986), with
/// Foundation's coder.
public enum PercentEncoding {
  /// RFC 3986's unreserved characters: the only ones a component leaves as they are.
  public static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  /// Encodes every byte but the unreserved characters `A-Z a-z 0-9 - . _ ~`, so an identity
  /// id such as `8:acs:…` becomes `8%3Aacs%3A…`, as the official SDKs send it.
  public static func encode(_ text: String) -> String {
    // Only fails on text that is not Unicode, which a Swift string always is.
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  /// Decodes `%XX` escapes; `nil` if an escape is malformed (`%`, `%4`, `%ZZ`) or the result
  /// is not UTF-8. With `plusAsSpace`, `+` decodes to a space, as in a query.
  public static func decode(_ text: some StringProtocol, plusAsSpace: Bool = false) -> String? {
    let text = String(text)
    return (plusAsSpace ? text.replacingOccurrences(of: "+", with: " ") : text)
      .removingPercentEncoding
  }
}
