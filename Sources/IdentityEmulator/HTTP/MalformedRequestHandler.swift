import CommunicationIdentity
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Answers a request that cannot be parsed as HTTP/1.1 (oversized headers, a bad request
/// line, an invalid method) in the service's error shape, then closes the connection.
///
/// It sits after the HTTP codec. Errors that arrive while a request body is being read, or
/// while a response is being written, are left to the responder and to Hummingbird.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private var requestOpen = false
  private var responseOpen = false
  private var answered = false

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard !answered else { return }
    switch unwrapInboundIn(data) {
    case .head: requestOpen = true
    case .end: requestOpen = false
    case .body: break
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head: responseOpen = true
    case .end: responseOpen = false
    case .body: break
    }
    context.write(data, promise: promise)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    guard !requestOpen, !responseOpen, !answered, let failure = Self.failure(for: error) else {
      context.fireErrorCaught(error)
      return
    }
    answered = true
    context.writeFailureAndClose(failure)
  }

  /// The answer to a protocol error, or `nil` for an error this handler leaves alone.
  static func failure(for error: any Error) -> ServiceFailure? {
    switch error {
    case let parserError as HTTPParserError:
      if parserError == .headerOverflow {
        return ServiceFailure(
          status: .requestHeaderFieldsTooLarge, code: "RequestHeaderFieldsTooLarge",
          message: "The request's header fields are larger than the emulator accepts.",
          target: nil)
      }
      return .invalidRequest("The request is not valid HTTP/1.1 (\(parserError)).")
    case is HTTP1TypeConversionError:
      return .invalidRequest("The request's method or target is not valid HTTP.")
    default:
      return nil
    }
  }
}
