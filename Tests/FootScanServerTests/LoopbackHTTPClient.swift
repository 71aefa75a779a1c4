import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP/1.1 request on its own loopback connection, through swift-nio's client codec.
///
/// Redirects come back as they are (a page's 303 is what the tests check). The tests used Foundation's
/// `URLSession` with a delegate refusing redirects; on Linux that path now and then crashed the whole test
/// process ("Received callback for HTTP redirection, but we're not waiting for it").
///
/// The whole exchange (connect, send, read, deadline) runs on NIO's event loop, whose threads are its own;
/// the calling task only waits for the outcome. The accuracy suites keep Swift's cooperative threads busy
/// for minutes at a time (two of them on a 2-core machine), and a deadline kept by a task on those threads
/// raced the answer once they came free: on a CI run a `GET /` whose answer had long arrived failed
/// "no answer within 60 seconds" after the test had waited 490 s for a thread.
enum LoopbackHTTPClient {
    /// An answer as it came over the wire: status, header fields (a repeated field joined with ", "), body.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    /// Sends one request to `127.0.0.1:port` and reads the whole answer; fails when the event loop has seen no
    /// whole answer `timeout` after the connection opened.
    static func send(
        port: Int, method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]?,
        timeout: Duration = .seconds(60)
    ) async throws -> Response {
        // As HTTP clients do (URLSession, which the tests used before, among them), an idempotent request
        // whose connection closed before any answer came is sent again, twice at most: on a loaded CI
        // machine a first GET once met a closed connection.
        let idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"].contains(method)
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
        head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
        head.headers.add(name: "Connection", value: "close")
        for field in headers { head.headers.add(name: field.name, value: field.value) }
        head.headers.add(name: "Content-Length", value: "\(body?.count ?? 0)")
        let request = Exchange.Request(head: head, body: body ?? [], timeout: timeout, label: "\(method) \(path)")
        var attempt = 1
        while true {
            do {
                return try await exchange(port: port, request: request)
            } catch is ClosedBeforeAnswer where idempotent && attempt < 3 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(200))
            } catch is ClosedBeforeAnswer {
                throw ServerError("\(method) \(path): the connection closed before any answer (\(attempt) tries)")
            }
        }
    }

    private static func exchange(port: Int, request: Exchange.Request) async throws -> Response {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let answer = loop.makePromise(of: Response.self)
        let connected = ClientBootstrap(group: loop)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(Exchange(request: request, answer: answer))
                }
            }
            .connect(host: "127.0.0.1", port: port)
        // A promise already kept ignores a later outcome, so this only counts when no connection was made.
        connected.whenFailure { answer.fail($0) }
        return try await answer.futureResult.get()
    }

    /// The connection closed before any part of an answer came.
    struct ClosedBeforeAnswer: Error {}

    /// The handler that sends one request once its connection is open, gathers the answer and keeps the
    /// deadline, all on the connection's event loop.
    private final class Exchange: ChannelInboundHandler {
        typealias InboundIn = HTTPClientResponsePart
        typealias OutboundOut = HTTPClientRequestPart

        /// What to send and how long to wait for the whole answer.
        struct Request: Sendable {
            var head: HTTPRequestHead
            var body: [UInt8]
            var timeout: Duration
            var label: String
        }

        private let request: Request
        private let answer: EventLoopPromise<Response>
        private var response = Response(status: 0, headers: [:], body: [])
        private var answered = false
        private var deadline: Scheduled<Void>?

        init(request: Request, answer: EventLoopPromise<Response>) {
            self.request = request
            self.answer = answer
        }

        func channelActive(context: ChannelHandlerContext) {
            let label = request.label, timeout = request.timeout, answer = answer
            let channel = context.channel
            deadline = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                answer.fail(ServerError("\(label): no answer within \(timeout)"))
                channel.close(promise: nil)
            }
            context.write(wrapOutboundOut(.head(request.head)), promise: nil)
            if !request.body.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: request.body)))), promise: nil)
            }
            // A server may answer before the body is through and close (413 past the upload limit): the answer
            // is what counts, so a failed write is not an outcome and the reading goes on.
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            answered = true
            switch unwrapInboundIn(data) {
            case .head(let head):
                response.status = Int(head.status.code)
                for (name, value) in head.headers {
                    response.headers[name] = response.headers[name].map { "\($0), \(value)" } ?? value
                }
            case .body(let bytes):
                response.body += bytes.readableBytesView
            case .end:
                deadline?.cancel()
                answer.succeed(response)
                context.close(promise: nil)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            deadline?.cancel()
            answer.fail(answered ? ServerError("\(request.label): the connection closed before the answer ended") : ClosedBeforeAnswer())
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            // A write refused after the server answered and closed is no outcome; the read side decides.
            if answered { return }
            deadline?.cancel()
            answer.fail(error)
            context.close(promise: nil)
        }
    }
}
