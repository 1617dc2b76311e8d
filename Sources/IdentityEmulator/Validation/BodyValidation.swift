/// Reading request bodies field by field, with the service's validation errors.
enum BodyValidation {
  /// Parses a body as JSON; an empty body is `nil`.
  static func parse(_ body: [UInt8]) throws(ServiceFailure) -> JSONValue? {
    guard !body.isEmpty else { return nil }
    do {
      return try JSONValue(parsing: body)
    } catch {
      throw .validation("The request body is not valid JSON: \(error).", target: "$")
    }
  }

  /// The body as an object; `null` or an empty body counts as an empty object.
  static func object(_ value: JSONValue?) throws(ServiceFailure) -> JSONValue {
    switch value {
    case nil, .null?: return .object([])
    case .object?: return value!
    default: throw .validation("The request body must be a JSON object.", target: "$")
    }
  }

  /// A list of scopes, each one known to the api-version; `nil` when absent or `null`.
  static func scopes(_ value: JSONValue?, field: String, version: APIVersion)
    throws(ServiceFailure) -> [String]?
  {
    guard let value, value != .null else { return nil }
    guard case .array(let elements) = value else {
      throw .wrongType(of: field, expected: "a list of scopes")
    }
    var scopes: [String] = []
    for element in elements {
      guard case .string(let scope) = element else {
        throw .wrongType(of: field, expected: "a list of scopes")
      }
      guard let known = version.scopes.first(where: { $0.lowercased() == scope.lowercased() })
      else {
        throw .validation(
          "Scope '\(scope)' is not valid for api-version \(version.rawValue); valid scopes are "
            + "\(version.scopes.joined(separator: ", ")).", target: field)
      }
      if !scopes.contains(known) { scopes.append(known) }
    }
    return scopes
  }

  /// `expiresInMinutes`: an integer in [60, 1440]; `nil` when absent or `null`.
  static func expiresInMinutes(_ value: JSONValue?) throws(ServiceFailure) -> Int? {
    guard let value, value != .null else { return nil }
    guard case .number(let number) = value, number.rounded() == number,
      abs(number) < 2_147_483_648
    else {
      throw .wrongType(of: "expiresInMinutes", expected: "an integer")
    }
    let minutes = Int(number)
    guard (60...1440).contains(minutes) else {
      throw .validation(
        "ExpiresInMinutes value \(minutes) is invalid. Value must be within the [60, 1440] "
          + "interval.", target: "ExpiresInMinutes")
    }
    return minutes
  }

  /// A string field; `nil` when absent or `null`.
  static func string(_ value: JSONValue?, field: String) throws(ServiceFailure) -> String? {
    guard let value, value != .null else { return nil }
    guard case .string(let text) = value else {
      throw .wrongType(of: field, expected: "a string")
    }
    return text
  }
}
