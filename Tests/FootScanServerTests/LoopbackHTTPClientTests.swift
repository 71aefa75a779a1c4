import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

/// The server tests' own HTTP client: an answer that came in time counts, even when every thread the
/// calling task could run on was busy when it came (as the accuracy suites keep them on a CI machine).
@Suite("Workshop service: the tests' HTTP client")
struct LoopbackHTTPClientTests {
    @Test("an answer that came in time counts though the caller's threads were all busy past the deadline")
    func busyThreads() async throws {
        let listener = try await SlowListener.start(delay: .milliseconds(200))
        defer { listener.close() }
        let request = Task {
            try await LoopbackHTTPClient.send(port: listener.port, method: "GET", path: "/slow", headers: [],
                                              body: nil, timeout: .seconds(1))
        }
        // The request is sent and waits for its answer; then every cooperative thread is kept busy for twice
        // the deadline, well past the moment the answer comes.
        try await Task.sleep(for: .milliseconds(100))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(2, ProcessInfo.processInfo.activeProcessorCount) {
                group.addTask {
                    let end = Date().addingTimeInterval(2)
                    var spin = 0.0
                    while Date() < end { spin += sin(spin) }
                    precondition(spin.isFinite)
                }
            }
        }
        let answer = try await request.value
        #expect(answer.status == 200 && String(decoding: answer.body, as: UTF8.self) == "slow")
    }

    @Test("no answer within the deadline is an error naming the request")
    func deadline() async throws {
        let listener = try await SlowListener.start(delay: .seconds(5))
        defer { listener.close() }
        await #expect(throws: ServerError.self) {
            _ = try await LoopbackHTTPClient.send(port: listener.port, method: "GET", path: "/late", headers: [],
                                                  body: nil, timeout: .seconds(1))
        }
    }
}

/// A loopback HTTP server that answers every request "slow" after a delay.
private struct SlowListener {
    let channel: Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    static func start(delay: TimeAmount) async throws -> SlowListener {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(Answerer(delay: delay))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return SlowListener(channel: channel)
    }

    func close() { channel.close(promise: nil) }

    private final class Answerer: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let delay: TimeAmount
        init(delay: TimeAmount) { self.delay = delay }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .end = unwrapInboundIn(data) else { return }
            let channel = context.channel
            context.eventLoop.scheduleTask(in: delay) {
                var head = HTTPResponseHead(version: .http1_1, status: .ok)
                head.headers.add(name: "Content-Length", value: "4")
                channel.write(HTTPServerResponsePart.head(head), promise: nil)
                channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: "slow"))), promise: nil)
                channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
            }
        }
    }
}
