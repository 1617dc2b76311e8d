import Foundation
import HTTPTypes

/// A successful answer of a route: a status, and a JSON body unless it is 204.
struct RouteResult: Sendable, Equatable {
  var status: HTTPResponse.Status
  var body: [UInt8]?

  /// A JSON body, written with keys in declaration order and unescaped slashes, as the
  /// service writes it.
  static func json(_ status: HTTPResponse.Status, _ value: some Encodable)
    throws(ServiceFailure) -> RouteResult
  {
    RouteResult(status: status, body: try EmulatorJSON.encode(value))
  }

  static let noContent = RouteResult(status: .noContent, body: nil)
}

/// The emulator's JSON writer.
enum EmulatorJSON {
  static func encode(_ value: some Encodable) throws(ServiceFailure) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    do {
      return Array(try encoder.encode(value))
    } catch {
      throw .internalError("The emulator could not write its response: \(error)")
    }
  }
}
