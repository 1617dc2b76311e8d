import Foundation

extension Page {
  /// The page as `docproof dump` prints it: pretty JSON with sorted keys and a final newline.
  public func dumpJSON() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }
}
