import CCmarkGFM
import CLibXML2

/// The versions of the parsing libraries this process runs on, as they report them.
public enum ParserLibraries {
  public static var cmarkGFM: String { String(cString: cmark_version_string()) }

  /// libxml2's version (`xmlParserVersion`, a macro over this function in a threaded
  /// build, is `"20914"` for 2.9.14).
  public static var libxml2: String {
    guard let text = __xmlParserVersion()?.pointee.map({ String(cString: $0) }) else {
      return "unknown"
    }
    guard let number = Int(text) else { return text }
    return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
  }
}
