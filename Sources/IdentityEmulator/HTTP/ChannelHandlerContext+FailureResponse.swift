import HTTPTypes
import NIOCore
import NIOHTTPTypes

extension ChannelHandlerContext {
  /// Writes a failure in the service's error shape with `Connection: close`, then closes the
  /// channel; for handlers after the HTTP codec that answer before any responder does.
  func writeFailureAndClose(_ failure: ServiceFailure) {
    let body = failure.body.json.serialized
    var headers = failure.headers
    headers[.contentType] = "application/json"
    headers[.contentLength] = String(body.count)
    headers[.connection] = "close"
    headers[HTTPField.Name("api-supported-versions")!] = APIVersion.supportedVersionsHeader
    write(
      NIOAny(HTTPResponsePart.head(HTTPResponse(status: failure.status, headerFields: headers))),
      promise: nil)
    write(NIOAny(HTTPResponsePart.body(ByteBuffer(bytes: body))), promise: nil)
    let boundContext = NIOLoopBound(self, eventLoop: eventLoop)
    writeAndFlush(NIOAny(HTTPResponsePart.end(nil))).whenComplete { _ in
      boundContext.value.close(promise: nil)
    }
    // The answer may never be written: over TLS, to a client that never began its
    // handshake, it waits for one. The connection closes all the same, a second later.
    eventLoop.scheduleTask(in: .seconds(1)) {
      boundContext.value.close(promise: nil)
    }
  }
}
