/// A YAML value from front matter, resolved with YAML's core schema.
public indirect enum YAMLValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case sequence([YAMLValue])
  case mapping([YAMLEntry])

  /// The value as text when it is a scalar (`a,b` stays `a,b`; `3` becomes `3`).
  public var scalarText: String? {
    switch self {
    case .null: nil
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .double(let value): String(value)
    case .string(let value): value
    case .sequence, .mapping: nil
    }
  }

  /// A short name of the value's kind, for messages.
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .int, .double: "number"
    case .string: "string"
    case .sequence: "sequence"
    case .mapping: "mapping"
    }
  }
}

/// One key of a YAML mapping with its value and the 1-based line of the key.
public struct YAMLEntry: Sendable, Hashable {
  public var key: String
  public var value: YAMLValue
  public var line: Int
  /// A scalar value's text as written, before YAML typed it: a hash of digits only
  /// (`ms.openlocfilehash: 0123...`) is an integer to YAML but text to a reader.
  public var scalarSource: String?

  public init(key: String, value: YAMLValue, line: Int, scalarSource: String? = nil) {
    self.key = key
    self.value = value
    self.line = line
    self.scalarSource = scalarSource
  }

  /// The scalar's text as written when known, else the typed value as text.
  public var text: String? {
    guard let typed = value.scalarText else { return nil }
    return scalarSource ?? typed
  }
}

extension YAMLValue: Encodable {
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .int(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .double(let value):
      var container = encoder.singleValueContainer()
      if value.isFinite { try container.encode(value) } else { try container.encode(String(value)) }
    case .string(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .sequence(let values):
      var container = encoder.unkeyedContainer()
      for value in values { try container.encode(value) }
    case .mapping(let entries):
      var container = encoder.container(keyedBy: DynamicKey.self)
      for entry in entries { try container.encode(entry.value, forKey: DynamicKey(entry.key)) }
    }
  }
}

/// A coding key made at run time, for mappings whose keys are data.
struct DynamicKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
