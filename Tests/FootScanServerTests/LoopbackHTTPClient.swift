import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP/1.1 request on its own loopback connection, through swift-nio's client codec.
///
/// Redirects come back as they are (a page's 303 is what the tests check). The tests used Foundation's
/// `URLSession` with a delegate refusing redirects; on Linux that path now and then crashed the whole test
/// process ("Received callback for HTTP redirection, but we're not waiting for it").
enum LoopbackHTTPClient {
    /// An answer as it came over the wire: status, header fields (a repeated field joined with ", "), body.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    /// Sends one request to `127.0.0.1:port` and reads the whole answer; fails after `timeout`.
    static func send(
        port: Int, method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]?,
        timeout: Duration = .seconds(60)
    ) async throws -> Response {
        try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask {
                // As HTTP clients do (URLSession, which the tests used before, among them), an idempotent
                // request whose connection closed before any answer came is sent again, twice at most: on
                // a loaded CI machine a first GET once met a closed connection.
                let idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"].contains(method)
                var attempt = 1
                while true {
                    do {
                        return try await exchange(port: port, method: method, path: path, headers: headers, body: body)
                    } catch is ClosedBeforeAnswer where idempotent && attempt < 3 {
                        attempt += 1
                        try await Task.sleep(for: .milliseconds(200))
                    } catch is ClosedBeforeAnswer {
                        throw ServerError("\(method) \(path): the connection closed before any answer (\(attempt) tries)")
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ServerError("\(method) \(path): no answer within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ServerError("\(method) \(path): no answer") }
            return first
        }
    }

    private static func exchange(
        port: Int, method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]?
    ) async throws -> Response {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
            head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
            head.headers.add(name: "Connection", value: "close")
            for field in headers { head.headers.add(name: field.name, value: field.value) }
            head.headers.add(name: "Content-Length", value: "\(body?.count ?? 0)")
            do {
                try await outbound.write(.head(head))
                if let body, !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
                try await outbound.write(.end(nil))
            } catch {
                // A server may answer before the body is through and close (413 past the upload limit):
                // the answer is what counts, so it is read all the same.
            }

            var response = Response(status: 0, headers: [:], body: [])
            var answered = false
            for try await part in inbound {
                answered = true
                switch part {
                case .head(let answer):
                    response.status = Int(answer.status.code)
                    for (name, value) in answer.headers {
                        response.headers[name] = response.headers[name].map { "\($0), \(value)" } ?? value
                    }
                case .body(let bytes):
                    response.body += bytes.readableBytesView
                case .end:
                    return response
                }
            }
            guard answered else { throw ClosedBeforeAnswer() }
            throw ServerError("\(method) \(path): the connection closed before the answer ended")
        }
    }

    /// The connection closed before any part of an answer came.
    struct ClosedBeforeAnswer: Error {}
}
