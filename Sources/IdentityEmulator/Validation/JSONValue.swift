/// A parsed JSON value, so request bodies can be validated field by field with the
/// service's messages instead of failing as a whole.
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let l), .bool(let r)): l == r
    case (.number(let l), .number(let r)): l == r
    case (.string(let l), .string(let r)): l == r
    case (.array(let l), .array(let r)): l == r
    case (.object(let l), .object(let r)):
      l.count == r.count && zip(l, r).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// The value of a member, matched case-insensitively as ASP.NET Core's JSON binding does;
  /// `nil` when absent.
  func member(_ name: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    let lowered = name.lowercased()
    return members.last { $0.key.lowercased() == lowered }?.value
  }
}

extension JSONValue: Decodable {
  init(from decoder: any Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      var values: [JSONValue] = []
      while !array.isAtEnd {
        values.append(try array.decode(JSONValue.self))
      }
      self = .array(values)
      return
    }
    if let object = try? decoder.container(keyedBy: AnyKey.self) {
      self = .object(
        try object.allKeys.map { ($0.stringValue, try object.decode(JSONValue.self, forKey: $0)) })
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let value = try? single.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? single.decode(Double.self) {
      self = .number(value)
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
