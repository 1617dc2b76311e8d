/// DocFX's `:::name attr="value" ...` syntax (`TripleColonBlockParser`), ported.
enum TripleColonSyntax {
  /// One attribute: name (lowercased), value, and the byte offset where its value starts.
  struct Attribute {
    var name: String
    var value: String
    var valueOffset: Int
  }

  /// Matches an identifier: an ASCII letter, then letters, digits and `-`; lowercased.
  static func matchIdentifier(_ cursor: inout ByteCursor) -> String? {
    guard ByteClass.isAlpha(cursor.current) else { return nil }
    var name: [UInt8] = []
    var character = cursor.current
    repeat {
      name.append(ByteClass.lowercased(character))
      character = cursor.advance()
    } while ByteClass.isAlphaNumeric(character) || character == UInt8(ascii: "-")
    return String(decoding: name, as: UTF8.self)
  }

  /// Matches attributes up to the end of the line, or up to `:::` for a self-closing block.
  ///
  /// Returns the attributes, or the error message DocFX reports.
  static func matchAttributes(_ cursor: inout ByteCursor, selfClosing: Bool)
    -> Result<[Attribute], AttributeError>
  {
    var attributes: [Attribute] = []
    // Names seen so far, for the duplicate check: the few of a usual directive are searched
    // in `attributes`; past 16 a set takes over (searching thousands was quadratic).
    var names: Set<String>?
    while true {
      cursor.skipSpacesAndTabs()
      if cursor.current == 0 { return .success(attributes) }
      if selfClosing, cursor.current == UInt8(ascii: ":"), cursor.matchStart(":::") {
        return .success(attributes)
      }
      guard let name = matchIdentifier(&cursor) else {
        return .failure(AttributeError(message: "Invalid attribute.", offset: cursor.index))
      }
      let repeated: Bool
      if names != nil {
        repeated = !names!.insert(name).inserted
      } else {
        repeated = attributes.contains { $0.name == name }
        if !repeated, attributes.count >= 16 { names = Set(attributes.map(\.name) + [name]) }
      }
      guard !repeated else {
        return .failure(
          AttributeError(
            message: "Attribute \"\(name)\" specified multiple times.", offset: cursor.index))
      }
      var value = ""
      var valueOffset = cursor.index
      cursor.skipSpacesAndTabs()
      if cursor.current == UInt8(ascii: "=") {
        cursor.advance()
        cursor.skipSpacesAndTabs()
        valueOffset = cursor.index
        guard cursor.current == UInt8(ascii: "\"") else {
          return .failure(
            AttributeError(
              message: "Invalid attribute \"\(name)\". Values must be enclosed in double quotes.",
              offset: cursor.index))
        }
        var character = cursor.advance()
        let start = cursor.index
        while character != UInt8(ascii: "\"") {
          if character == 0 {
            return .failure(
              AttributeError(
                message:
                  "Invalid attribute \"\(name)\". Values must be terminated with a double quote.",
                offset: valueOffset))
          }
          character = cursor.advance()
        }
        value = cursor.text(start, cursor.index)
        valueOffset = start
        cursor.advance()
      }
      attributes.append(Attribute(name: name, value: value, valueOffset: valueOffset))
    }
  }

  /// An attribute syntax error, with the byte offset it applies to.
  struct AttributeError: Error {
    var message: String
    var offset: Int
  }
}
