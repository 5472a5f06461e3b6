import Foundation
import Vapor
import XCTest

@testable import MeedoenApp

#if canImport(Glibc)
    import Glibc
#endif

/// The app's real HTTP server on a free loopback port, for what only a socket shows: malformed
/// requests, slow clients, bodies in several reads, many connections at once.
func withRunningServer(_ app: Application, _ test: (Int) async throws -> Void) async throws {
    // The HTTP client is configured once, before any request creates it: configuring it from many
    // sessions at once raced its lazy creation, and a client made twice was dropped unshut (a crash).
    app.http.client.configuration.redirectConfiguration = .disallow
    // As many connections as the tests open at once (the client's default is 8 per host).
    app.http.client.configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    let port = app.http.server.configuration.port
    do {
        try await test(port)
    } catch {
        await app.server.shutdown()
        throw error
    }
    await app.server.shutdown()
}

/// A plain TCP client that sends exactly the bytes it is given.
final class RawConnection {
    let fd: Int32

    init(port: Int, timeout: TimeInterval = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes the connection or the timeout passes.
    func readAll() -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the server has closed the connection by now, without waiting.
    func isClosedNow() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Whether the server has closed the connection (a read returns end of file).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }

    /// One request and its whole answer (the request asks the server to close afterwards).
    static func exchange(port: Int, _ request: String, timeout: TimeInterval = 5) throws -> String {
        let connection = try RawConnection(port: port, timeout: timeout)
        connection.send(request)
        return connection.readAll()
    }
}

extension String {
    /// The status code of a raw HTTP answer.
    var httpStatus: Int? {
        guard hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(dropFirst(9).prefix(3))
    }
}

/// Runs blocking socket work on a thread of its own: the cooperative pool (two threads here)
/// must stay free for the server's own request handlers.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// A signed-in browser over real HTTP (AsyncHTTPClient), for many at once.
struct HTTPSession: Sendable {
    let app: Application
    let port: Int
    var cookie = ""
    var csrf = ""

    /// `app` runs in `withRunningServer`, which configured its client.
    init(app: Application, port: Int) {
        (self.app, self.port) = (app, port)
    }

    func get(_ path: String, headers extra: [(String, String)] = []) async throws -> ClientResponse {
        var headers = HTTPHeaders(extra)
        if !cookie.isEmpty { headers.add(name: .cookie, value: cookie) }
        return try await app.client.get(URI(string: "http://127.0.0.1:\(port)\(path)"), headers: headers)
    }

    func post(_ path: String, _ form: [String: String], headers extra: [(String, String)] = []) async throws -> ClientResponse {
        var headers = HTTPHeaders(extra)
        if !cookie.isEmpty { headers.add(name: .cookie, value: cookie) }
        var form = form
        if !csrf.isEmpty { form["_csrf"] = csrf }
        return try await app.client.post(URI(string: "http://127.0.0.1:\(port)\(path)"), headers: headers) {
            try $0.content.encode(form, as: .urlEncodedForm)
        }
    }

    /// Logs in through the form and picks up the session cookie and its CSRF token.
    mutating func logIn(_ username: String, password: String = Fixture.password) async throws {
        try await pickUpSession(from: get("/login"))
        let response = try await post("/login", ["username": username, "password": password])
        XCTAssertEqual(response.status, .seeOther, "log-in of \(username)")
        try await pickUpSession(from: response)
        try await pickUpSession(from: get("/account/tokens"))
    }

    /// The session cookie and the CSRF token a page hands out.
    mutating func pickUpSession(from response: ClientResponse) async throws {
        if let pair = response.headers.first(name: .setCookie)?.split(separator: ";").first { cookie = String(pair) }
        let body = response.body.map { String(buffer: $0) } ?? ""
        if let range = body.range(of: "name=\"_csrf\" value=\"") { csrf = String(body[range.upperBound...].prefix { $0 != "\"" }) }
    }
}
