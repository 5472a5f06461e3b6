import Fluent
import Foundation
import MeedoenStorage
import Vapor
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 11, availability: no request stops the server, slow clients are cut off, long forms
/// arrive whole, and no header can be smuggled into a redirect. Over a real socket.
final class ServerRobustnessTests: XCTestCase {
    /// Requests that stopped the process before (error page rendered outside the session
    /// middleware), and a generated set of odd paths and headers; the server must still answer.
    func testNoRequestStopsTheServer() async throws {
        try await withApp { app, _ in
            try await withRunningServer(app) { port in
                var requests = [
                    "GET /%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "GET /..%2f HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "GET /css/meedoen.css HTTP/1.1\r\nHost: x\r\nRange: bytes=99999-100000\r\nConnection: close\r\n\r\n",
                ]
                let paths = [
                    "/%00", "/%", "/%zz", "/..", "/../../etc/passwd", "/%2e%2e/%2e%2e/", "//", "///api//v1", "/api/v1/%ff",
                    "/households/%ff", "/households/not-a-uuid", "/clients/\(String(repeating: "a", count: 4000))", "/?a=%ff&b",
                    "/css/%2e%2e%2fPackage.swift", "/login?terug=%0d%0aSet-Cookie:%20x=1", "/api/v1/households?page=-1&per=1e9",
                    "/\u{202E}", "/%E2%80%AE", "/households/\(UUID())/access?terug=%0d%0a",
                ]
                let headers = [
                    "Range: bytes=-1", "Range: bytes=5-1", "Range: bytes=0-0,0-0,0-0", "Range: nonsense", "Cookie: meedoen_sessie=%ff",
                    "Cookie: meedoen_sessie=", "Authorization: Bearer \u{7F}", "Authorization: Basic %%%", "Content-Type: application/json",
                    "Accept: */*;q=abc", "X-Forwarded-For: ::::1, x", "Content-Length: 0", "If-None-Match: \"\"",
                ]
                for (index, path) in paths.enumerated() {
                    let header = headers[index % headers.count]
                    requests.append("GET \(path) HTTP/1.1\r\nHost: x\r\n\(header)\r\nConnection: close\r\n\r\n")
                    requests.append("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b")
                }
                for header in headers {
                    requests.append("GET /css/meedoen.css HTTP/1.1\r\nHost: x\r\n\(header)\r\nConnection: close\r\n\r\n")
                    requests.append("GET /login HTTP/1.1\r\nHost: x\r\n\(header)\r\nConnection: close\r\n\r\n")
                }
                // Generated: random bytes in the path, percent-encoded or raw printable, from a fixed seed.
                var generator = SeededGenerator(seed: 2026)
                for _ in 0..<60 {
                    let length = Int.random(in: 1...40, using: &generator)
                    let path = (0..<length).map { _ -> String in
                        let byte = UInt8.random(in: 0...255, using: &generator)
                        return (33...126).contains(byte) && ![UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "?")].contains(byte)
                            ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
                    }.joined()
                    let header = headers[Int.random(in: 0..<headers.count, using: &generator)]
                    requests.append("GET /\(path) HTTP/1.1\r\nHost: x\r\n\(header)\r\nConnection: close\r\n\r\n")
                }
                requests.append("GARBAGE\r\n\r\n")
                requests.append("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                let answers = try await offPool { [requests] in try requests.map { try RawConnection.exchange(port: port, $0, timeout: 2) }
                }
                for (request, answer) in zip(requests, answers) {
                    guard let status = answer.httpStatus else {
                        XCTFail("no answer to \(request.prefix(80).debugDescription)")
                        continue
                    }
                    XCTAssertLessThan(status, 500, "a server error for \(request.prefix(80).debugDescription): \(answer.prefix(200))")
                }
                let health = try await offPool {
                    try RawConnection.exchange(port: port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                }
                XCTAssertEqual(health.httpStatus, 200, "the server still answers")
            }
        }
    }

    /// A client that sends its headers a byte at a time is closed at the header deadline; one
    /// that sends nothing is closed when idle.
    func testSlowAndSilentConnectionsAreClosed() async throws {
        XCTAssertEqual(Settings.ConnectionLimits().headerDeadline, .seconds(10), "the production deadline")
        XCTAssertEqual(Settings.ConnectionLimits().idleTimeout, .seconds(60), "the production idle limit")
        // Idle (3 s) longer than the deadline (1 s): a dribbling client resets the idle timer with
        // every byte, so only the header deadline can close it while it is still sending.
        try await withApp(connectionLimits: .init(headerDeadline: .seconds(1), idleTimeout: .seconds(3))) { app, _ in
            try await withRunningServer(app) { port in
                let outcome = try await offPool { () -> (slowClosed: Int, silentClosed: Bool, normal: Int?) in
                    let slow = try (0..<20).map { _ in try RawConnection(port: port, timeout: 4) }
                    for connection in slow { connection.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Langzaam: ") }
                    let started = Date()
                    while Date().timeIntervalSince(started) < 2.5 {
                        for connection in slow { connection.send("a") }
                        Thread.sleep(forTimeInterval: 0.25)
                    }
                    // Still sending, 2.5 s in: closed by the deadline, not by idleness.
                    let slowClosed = slow.filter { $0.isClosedNow() }.count
                    let silent = try RawConnection(port: port, timeout: 5)
                    let silentClosed = silent.isClosedByServer()
                    let normal = try RawConnection.exchange(port: port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    return (slowClosed, silentClosed, normal.httpStatus)
                }
                XCTAssertEqual(outcome.slowClosed, 20, "every slow-header connection is closed")
                XCTAssertTrue(outcome.silentClosed, "a silent connection is closed")
                XCTAssertEqual(outcome.normal, 200)
            }
        }
    }

    /// A body larger than the app takes is refused with 413 before the app sees it.
    func testAnOversizedBodyIsRefused() async throws {
        try await withApp { app, _ in
            try await withRunningServer(app) { port in
                let answer = try await offPool { () -> String in
                    let connection = try RawConnection(port: port)
                    let size = 1_000_000
                    connection.send(
                        "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: \(size)\r\n\r\n")
                    connection.send([UInt8](repeating: UInt8(ascii: "a"), count: size))
                    return connection.readAll()
                }
                XCTAssertEqual(answer.httpStatus, 413, String(answer.prefix(200)))
                let health = try await offPool {
                    try RawConnection.exchange(port: port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                }
                XCTAssertEqual(health.httpStatus, 200)
            }
        }
    }

    /// The body of a long form that arrives in two reads is collected before the CSRF check.
    func testALongFormInSeveralReadsIsNotRefusedAsExpired() async throws {
        try await withApp { app, fixture in
            try await withRunningServer(app) { port in
                var session = HTTPSession(app: app, port: port)
                try await session.logIn("km")
                let (cookie, csrf) = (session.cookie, session.csrf)
                let summary = String(repeating: "Gesprek over werk en scholing. ", count: 60)  // ~1,800 bytes
                let body =
                    "_csrf=\(csrf)&contactOn=2026-11-27&participant-\(fixture.ownApplicant)=ja&kind=conversation&summary="
                    + (summary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                let answer = try await offPool { () -> String in
                    let connection = try RawConnection(port: port)
                    connection.send(
                        "POST /households/\(fixture.ownHousehold)/contacts HTTP/1.1\r\nHost: x\r\nCookie: \(cookie)\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
                    )
                    let bytes = Array(body.utf8)
                    connection.send(Array(bytes[..<(bytes.count / 3)]))
                    Thread.sleep(forTimeInterval: 0.3)
                    connection.send(Array(bytes[(bytes.count / 3)...]))
                    return connection.readAll()
                }
                XCTAssertEqual(answer.httpStatus, 303, String(answer.prefix(300)))
                let stored = try await ContactModel.query(on: app.db).filter(\.$household.$id == fixture.ownHousehold).all()
                XCTAssertEqual(stored.first?.summary, summary.trimmingCharacters(in: .whitespaces), "the whole text is kept")
            }
        }
    }

    /// `terug` cannot carry CR/LF into the redirect, nor lead outside the app's files.
    func testNoHeaderInjectionThroughTheReturnPath() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let household = fixture.colleagueHousehold
            try await browser.get(SitePath.household(.id(household), .access).path)
            let kept = try await browser.post(
                SitePath.household(.id(household), .access).path,
                ["reason": "vervanging", "explanation": "", "terug": SitePath.client(.id(fixture.ownApplicant)).path])
            XCTAssertEqual(
                kept.headers.first(name: .location), SitePath.client(.id(fixture.ownApplicant)).path, "a path of the app is kept")
            for terug in [
                "/households/\(household)\r\nSet-Cookie: overgenomen=1", "/households/\(household)\nRefresh: 0;url=https://example.org",
                "/households/../../admin", "//example.org/households/", "/clients/\(UUID())%0d%0aX: y",
            ] {
                let response = try await browser.post(
                    SitePath.household(.id(household), .access).path, ["reason": "vervanging", "explanation": "", "terug": terug])
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertEqual(response.headers.first(name: .location), SitePath.household(.id(household)).path, terug.debugDescription)
                XCTAssertFalse(response.headers.contains(name: "Refresh"))
                XCTAssertFalse(response.headers[.setCookie].contains { $0.contains("overgenomen") })
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so generated requests are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
