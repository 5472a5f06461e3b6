import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Vapor

/// Meedoen's HTTP/1.1 server: NIO's HTTP codec in front of Vapor's responder (the same
/// middleware and routes), with two guards Vapor's own server cannot be given (Settings.ConnectionLimits), because its
/// channel pipeline is closed to additions:
/// - a client must complete its request headers within `headerDeadline` of sending the first
///   byte of the request (a slow-header client is cut off), and
/// - a connection with no traffic at all for `idleTimeout` is closed.
/// Bodies are collected up to the app's default body limit before the app sees them; TLS is the
/// reverse proxy's work (`MEEDOEN_TLS=1`).
final class MeedoenServer: Server, @unchecked Sendable {
    // The application keeps its server in its storage; the server does not keep the application.
    private unowned let application: Application
    private let limits: Settings.ConnectionLimits
    private let state = NIOLockedValueBox<(listener: Channel?, connections: [ObjectIdentifier: Channel])>((nil, [:]))
    private let shutdownPromise: EventLoopPromise<Void>

    init(application: Application, limits: Settings.ConnectionLimits) {
        self.application = application
        self.limits = limits
        shutdownPromise = application.eventLoopGroup.next().makePromise()
    }

    var onShutdown: EventLoopFuture<Void> { shutdownPromise.futureResult }

    deinit {
        // A server that was made but never started or stopped still keeps its promise.
        shutdownPromise.succeed(())
    }

    /// The port actually bound (useful when started on port 0).
    var localPort: Int? { state.withLockedValue { $0.listener?.localAddress?.port } }

    func start(address: BindAddress?) throws {
        try startListening(address).wait()
    }

    func start(address: BindAddress?) async throws {
        try await startListening(address).get()
    }

    func start(hostname: String?, port: Int?) throws {
        try start(address: .hostname(hostname, port: port))
    }

    private func startListening(_ address: BindAddress?) -> EventLoopFuture<Void> {
        let configuration = application.http.server.configuration
        let (application, limits) = (application, limits)
        let bootstrap = ServerBootstrap(group: application.eventLoopGroup)
            .serverChannelOption(ChannelOptions.backlog, value: Int32(configuration.backlog))
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [weak self] channel in
                self?.track(channel)
                return channel.eventLoop.makeCompletedFuture {
                    let clock = HeaderClock(deadline: limits.headerDeadline)
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(IdleStateHandler(allTimeout: limits.idleTimeout))
                    try sync.addHandler(RequestStartObserver(clock: clock))
                    // NIO's server pipeline, laid out by hand so the head is seen as soon as it is
                    // decoded, not when the pipelining handler lets a queued request through.
                    try sync.addHandler(HTTPResponseEncoder())
                    try sync.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                    try sync.addHandler(RequestHeadObserver(clock: clock))
                    try sync.addHandler(HTTPServerPipelineHandler())
                    try sync.addHandler(HTTPServerProtocolErrorHandler())
                    // The largest body any route takes today; routes check their own, smaller limits
                    // only for bodies they collect themselves, so this is the bound that holds.
                    let maxBody = application.routes.defaultMaxBodySize.value
                    try sync.addHandler(VaporBridge(application: application, maxBodySize: maxBody, clock: clock))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
        let bound: EventLoopFuture<Channel>
        switch address {
        case .unixDomainSocket(let path): bound = bootstrap.bind(unixDomainSocketPath: path)
        case .hostname(let host, let port):
            bound = bootstrap.bind(host: host ?? configuration.hostname, port: port ?? configuration.port)
        case nil: bound = bootstrap.bind(host: configuration.hostname, port: configuration.port)
        }
        return bound.map { [weak self] channel in
            self?.state.withLockedValue { $0.listener = channel }
            if let port = channel.localAddress?.port { application.http.server.configuration.port = port }
            application.logger.notice("Server gestart op \(channel.localAddress.map { "\($0)" } ?? "?")")
        }
    }

    private func track(_ channel: Channel) {
        let id = ObjectIdentifier(channel)
        state.withLockedValue { $0.connections[id] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLockedValue { _ = $0.connections.removeValue(forKey: id) }
        }
    }

    func shutdown() {
        let (listener, connections) = state.withLockedValue { ($0.listener, Array($0.connections.values)) }
        try? listener?.close().wait()
        for connection in connections { try? connection.close().wait() }
        shutdownPromise.succeed(())
    }

    func shutdown() async {
        let (listener, connections) = state.withLockedValue { ($0.listener, Array($0.connections.values)) }
        try? await listener?.close()
        for connection in connections { try? await connection.close() }
        shutdownPromise.succeed(())
    }
}

/// Shared by the two observers of one connection: when the current request's first byte came.
final class HeaderClock {
    let deadline: TimeAmount
    var timer: Scheduled<Void>?
    var waitingForHead = false
    /// Requests received and not yet answered.
    var answering = 0

    init(deadline: TimeAmount) { self.deadline = deadline }
}

/// Sits before the HTTP decoder: the first raw byte of a request starts the header clock.
final class RequestStartObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private let clock: HeaderClock

    init(clock: HeaderClock) { self.clock = clock }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !clock.waitingForHead && clock.timer == nil {
            clock.waitingForHead = true
            let channel = context.channel
            clock.timer = context.eventLoop.scheduleTask(in: clock.deadline) {
                channel.close(mode: .all, promise: nil)
            }
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            // A request the app is still answering is not idle, however long it takes.
            if clock.answering == 0 { context.close(mode: .all, promise: nil) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        clock.timer?.cancel()
        context.fireChannelInactive()
    }
}

/// Sits after the HTTP decoder: a complete head stops the clock; the end of the request lets
/// the next request's first byte start it again.
final class RequestHeadObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    private let clock: HeaderClock

    init(clock: HeaderClock) { self.clock = clock }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            clock.timer?.cancel()
            clock.timer = nil
        case .end:
            clock.waitingForHead = false
        case .body: break
        }
        context.fireChannelRead(data)
    }
}

/// Turns each decoded request into a Vapor `Request`, runs the app's responder (middleware and
/// routes) and writes the response, collected.
final class VaporBridge: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let application: Application
    private let maxBodySize: Int
    private let clock: HeaderClock
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var tooLarge = false

    init(application: Application, maxBodySize: Int, clock: HeaderClock) {
        (self.application, self.maxBodySize, self.clock) = (application, maxBodySize, clock)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            (self.head, body, tooLarge) = (head, nil, false)
        case .body(var chunk):
            guard !tooLarge else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > maxBodySize {
                (tooLarge, body) = (true, nil)
            } else if body == nil {
                body = chunk
            } else {
                body!.writeBuffer(&chunk)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            clock.answering += 1
            if tooLarge {
                respond(context, Response(status: .payloadTooLarge), for: head, keepAlive: false)
                return
            }
            let request = Request(
                application: application, method: head.method, url: URI(string: head.uri), version: head.version,
                headersNoUpdate: head.headers, collectedBody: body, remoteAddress: context.channel.remoteAddress,
                peerCertificateChain: nil, logger: application.logger, byteBufferAllocator: context.channel.allocator,
                on: context.eventLoop)
            body = nil
            let keepAlive = head.isKeepAlive
            application.responder.respond(to: request).hop(to: context.eventLoop).whenComplete { result in
                switch result {
                case .success(let response): self.respond(context, response, for: head, keepAlive: keepAlive)
                case .failure:
                    // The app turns every error into a page; this is the last resort.
                    self.respond(context, Response(status: .internalServerError), for: head, keepAlive: false)
                }
            }
        }
    }

    /// A malformed request (answered 400 by NIO's error handler) or a broken socket ends the connection.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func respond(_ context: ChannelHandlerContext, _ response: Response, for request: HTTPRequestHead, keepAlive: Bool) {
        let channel = context.channel
        response.body.collect(on: context.eventLoop).whenComplete { collected in
            guard case .success(let buffer) = collected else {
                // A body that could not be produced: say so rather than send an empty page.
                let head = HTTPResponseHead(
                    version: request.version, status: .internalServerError, headers: ["content-length": "0", "connection": "close"])
                context.write(self.wrapOutboundOut(.head(head)), promise: nil)
                context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
                self.clock.answering -= 1
                return
            }
            var headers = response.headers
            headers.remove(name: .transferEncoding)
            if response.status == .noContent || response.status == .notModified {
                headers.remove(name: .contentLength)
            } else {
                headers.replaceOrAdd(name: .contentLength, value: String(buffer?.readableBytes ?? 0))
            }
            headers.replaceOrAdd(name: .date, value: RFC1123.now())
            headers.replaceOrAdd(name: .connection, value: keepAlive ? "keep-alive" : "close")
            let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
            context.write(self.wrapOutboundOut(.head(head)), promise: nil)
            if let buffer, request.method != .HEAD, response.status != .noContent, response.status != .notModified {
                context.write(self.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            }
            let done = context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
            self.clock.answering -= 1
            if !keepAlive { done.whenComplete { _ in channel.close(promise: nil) } }
        }
    }
}

/// The `Date` header's format.
enum RFC1123 {
    nonisolated(unsafe) private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    private static let lock = NIOLock()

    static func now() -> String { lock.withLock { formatter.string(from: Date()) } }
}

extension Application {
    private struct MeedoenServerKey: StorageKey { typealias Value = MeedoenServer }

    /// One server per application: `app.server` asks the provider each time it is read.
    func meedoenServer(limits: Settings.ConnectionLimits) -> MeedoenServer {
        if let server = storage[MeedoenServerKey.self] { return server }
        let server = MeedoenServer(application: self, limits: limits)
        storage[MeedoenServerKey.self] = server
        return server
    }
}
