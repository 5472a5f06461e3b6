import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import Vapor
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 11, authentication: the address limit counts failures only and holds across instances,
/// the second factor cannot be guessed or raced, and API keys end with the credentials.
final class LoginHardeningTests: XCTestCase {
    func testSuccessfulLogInsNeverLockAnOfficeOut() async throws {
        try await withApp { app, _ in
            for attempt in 0..<25 {
                let browser = Browser(app)
                try await browser.get("/login")
                let response = try await browser.post("/login", ["username": "km", "password": Fixture.password])
                XCTAssertEqual(response.status, .seeOther, "log-in \(attempt + 1) from one address")
            }
        }
    }

    func testTwentyFailuresBlockTheAddressAlsoOnAnotherInstanceUntilTheWindowPasses() async throws {
        let clock = MovableClock()
        for backend in Backend.available {
            try await withApp(backend, clock: clock.clock) { app, _ in
                try await Self.fail(20, on: app)
                let blocked = Browser(app)
                try await blocked.get("/login")
                let refused = try await blocked.post("/login", ["username": "km", "password": Fixture.password])
                XCTAssertEqual(refused.status, .tooManyRequests, "\(backend): the right password waits too")

                let other = try await makeSecondApp(like: app, clock: clock.clock)
                let elsewhere = Browser(other)
                try await elsewhere.get("/login")
                let value = try await elsewhere.post("/login", ["username": "km", "password": Fixture.password]).status
                try await other.asyncShutdown()
                XCTAssertEqual(value, .tooManyRequests, "\(backend): the count is in the database, for every instance")

                clock.advance(5 * 60 + 1)
                let later = Browser(app)
                try await later.get("/login")
                let allowed = try await later.post("/login", ["username": "km", "password": Fixture.password])
                XCTAssertEqual(allowed.status, .seeOther, "\(backend): after five minutes the address may try again")
            }
        }
    }

    /// Failed log-ins in parallel, each from a fresh browser, with unknown usernames (no account locks).
    static func fail(_ count: Int, on app: Application, headers: [(String, String)] = []) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    let browser = Browser(app)
                    try await browser.get("/login")
                    let response = try await browser.post("/login", ["username": "onbekend\(index)", "password": "fout-wachtwoord-1"])
                    XCTAssertEqual(response.status, .unauthorized)
                }
            }
            try await group.waitForAll()
        }
    }

    /// Behind a listed proxy the client is the address in X-Forwarded-For; from anyone else that
    /// header is ignored.
    func testTheClientAddressComesFromTrustedProxiesOnly() async throws {
        XCTAssertTrue(IPRange("10.0.0.0/8")!.contains("10.20.30.40"))
        XCTAssertFalse(IPRange("10.0.0.0/8")!.contains("11.0.0.1"))
        XCTAssertTrue(IPRange("::1")!.contains("::1"))
        XCTAssertTrue(IPRange("fd00::/8")!.contains("fd12::1"))
        XCTAssertFalse(IPRange("fd00::/8")!.contains("10.0.0.1"))
        XCTAssertNil(IPRange("10.0.0.0/33"))
        XCTAssertNil(IPRange("kantoor"))

        for trusted in [true, false] {
            try await withApp(trustedProxies: trusted ? [IPRange("127.0.0.1")!] : []) { app, _ in
                try await withRunningServer(app) { port in
                    @Sendable func attempt(from address: String, password: String) async throws -> HTTPStatus {
                        var session = HTTPSession(app: app, port: port)
                        try await session.pickUpSession(from: session.get("/login", headers: [("X-Forwarded-For", address)]))
                        return try await session.post(
                            "/login", ["username": "km", "password": password], headers: [("X-Forwarded-For", "\(address), 127.0.0.1")]
                        ).status
                    }
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<20 { group.addTask { _ = try await attempt(from: "192.0.2.7", password: "fout-wachtwoord-1") } }
                        try await group.waitForAll()
                    }
                    // km itself is locked after five failures by now; the address limit is what answers 429.
                    let same = try await attempt(from: "192.0.2.7", password: Fixture.password)
                    XCTAssertEqual(same, .tooManyRequests)
                    let other = try await attempt(from: "192.0.2.8", password: "fout-wachtwoord-1")
                    XCTAssertEqual(
                        other, trusted ? .unauthorized : .tooManyRequests,
                        trusted ? "another office behind the proxy is not blocked" : "an untrusted header changes nothing")
                }
            }
        }
    }

    // MARK: Second factor

    /// A browser that gave the right password and now stands at the second step.
    static func atSecondStep(_ app: Application, _ username: String = "km") async throws -> Browser {
        let browser = Browser(app)
        try await browser.get("/login")
        let password = try await browser.post("/login", ["username": username, "password": Fixture.password])
        XCTAssertEqual(password.headers.first(name: .location), "/login/second-factor")
        try await browser.get("/login/second-factor")
        return browser
    }

    static func enrol(_ app: Application, _ username: String = "km") async throws -> (secret: String, recovery: [String]) {
        let user = try await DirectoryStore(db: app.db).user(username: username)!
        let secret = Base32.encode(TOTP.newSecret())
        let recovery = RecoveryCodes.generate()
        (user.totpSecret, user.recoveryCodes) = (secret, RecoveryCodes.store(recovery))
        try await user.update(on: app.db)
        return (secret, recovery)
    }

    static func code(_ secret: String) -> String {
        TOTP.code(secret: Base32.decode(secret)!, counter: TOTP.counter(at: testNow))
    }

    func testCodesCannotBeGuessedWithoutEnd() async throws {
        try await withApp(secondFactor: true) { app, _ in
            let (secret, _) = try await Self.enrol(app)
            var browser = try await Self.atSecondStep(app)
            for _ in 0..<4 {
                let wrong = try await browser.post("/login/second-factor", ["code": "000000"])
                XCTAssertEqual(wrong.status, .unauthorized)
            }
            // The right password again does not reset the count: that waits for the second factor.
            browser = try await Self.atSecondStep(app)
            try await browser.post("/login/second-factor", ["code": "000000"])
            let user = try await DirectoryStore(db: app.db).user(username: "km")!
            XCTAssertEqual(user.failedLogins, 5)
            XCTAssertNotNil(user.lockedUntil, "locked after five wrong codes in all")
            for _ in 0..<7 {
                let value = try await browser.post("/login/second-factor", ["code": Self.code(secret)])
                XCTAssertNotEqual(value.headers.first(name: .location), "/", "never signed in while locked")
            }
            // Locked: even the right code is refused now.
            let pending = Browser(app)
            try await pending.get("/login")
            let refused = try await pending.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(refused.status, .unauthorized, "the account is locked")
            _ = secret
        }
    }

    func testParallelGuessesAreCountedEveryOne() async throws {
        try await withEachBackend { app, _, backend in
            let secondFactorApp = app
            secondFactorApp.meedoen.settings.secondFactor = true
            _ = try await Self.enrol(app)
            let browsers = try await (0..<8).asyncMap { _ in try await Self.atSecondStep(app) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    let browser = browsers[index % browsers.count]
                    group.addTask { _ = try await browser.post("/login/second-factor", ["code": String(format: "%06d", index)]).status }
                }
                try await group.waitForAll()
            }
            var user = try await DirectoryStore(db: app.db).user(username: "km")!
            XCTAssertLessThanOrEqual(user.failedLogins, 5, "\(backend): no more than five codes were checked")
            // Whatever the burst left, more guesses end in the lock, never past five.
            for _ in 0..<6 { _ = try await browsers[0].post("/login/second-factor", ["code": "999999"]) }
            user = try await DirectoryStore(db: app.db).user(username: "km")!
            XCTAssertEqual(user.failedLogins, 5, "\(backend)")
            XCTAssertNotNil(user.lockedUntil, "\(backend)")
        }
    }

    func testOneCodeWorksOnceAlsoWhenSentFromSeveralSessionsAtOnce() async throws {
        try await withEachBackend { app, _, backend in
            app.meedoen.settings.secondFactor = true
            let (secret, recovery) = try await Self.enrol(app)
            for (code, sessions) in [(Self.code(secret), 8), (recovery[0], 3)] {
                let browsers = try await (0..<sessions).asyncMap { _ in try await Self.atSecondStep(app) }
                // A sign-in is a redirect onwards; a redirect back to the log-in page (the account locked
                // by the failed uses meanwhile, so the pending step ended) is not one.
                let signedIn = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for browser in browsers {
                        group.addTask {
                            let response = try await browser.post("/login/second-factor", ["code": code])
                            return response.status == .seeOther && response.headers.first(name: .location) != SitePath.login.path
                        }
                    }
                    return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
                }
                XCTAssertEqual(signedIn, 1, "\(backend): \(code.count == 6 ? "TOTP" : "recovery") code used once")
                try await DirectoryStore(db: app.db).clearFailures(DirectoryStore(db: app.db).user(username: "km")!.id!)
            }
        }
    }

    func testTheSecondStepHasAnAddressLimitAndIsNeverCached() async throws {
        try await withApp(secondFactor: true) { app, _ in
            let (secret, _) = try await Self.enrol(app)
            let browser = try await Self.atSecondStep(app)
            let form = try await browser.get("/login/second-factor")
            XCTAssertEqual(form.headers.first(name: .cacheControl), "no-store")
            let enrol = try await Browser(app).get("/login/enroll")
            XCTAssertEqual(enrol.headers.first(name: .cacheControl), "no-store")
            // Twenty failures from this address (any account) block the second step as well.
            let store = LoginAttemptStore(db: app.db)
            for _ in 0..<20 { try await store.failed(try await store.reserve(address: "onbekend", now: testNow)!) }
            let blocked = try await browser.post("/login/second-factor", ["code": Self.code(secret)])
            XCTAssertEqual(blocked.status, .tooManyRequests)
        }
    }

    // MARK: API keys

    func testAPIKeysEndWithTheCredentials() async throws {
        try await withEachBackend { app, fixture, backend in
            let path = "/api/v1/households/\(fixture.ownHousehold)"
            let admin = Browser(app)
            try await admin.logIn("fb")
            let km = fixture.caseManager
            for action in ["reset-password", "reset-2fa", "deactivate"] {
                // (A key made in the same fixed second as a reset would not work from the start.)
                // (And as if a second beheerder did the next reset: four eyes is tested elsewhere.)
                let user = try await DirectoryStore(db: app.db).user(username: "km")!
                (user.credentialsChangedAt, user.lastResetBy) = (nil, nil)
                try await user.update(on: app.db)
                let token = try await APITests.token(for: "km", app: app)
                let before = try await apiRequest(app, .GET, path, token: token).status
                XCTAssertEqual(before, .ok, "\(backend): \(action)")
                try await admin.get("/admin/users")
                try await admin.post("/admin/users/\(km)/\(action)", [:])
                if action == "deactivate" { try await admin.post("/admin/users/\(km)/activate", [:]) }
                let after = try await apiRequest(app, .GET, path, token: token).status
                XCTAssertEqual(after, .unauthorized, "\(backend): a key ends with \(action), also after reactivation")
                let revoked = try await APITokenModel.query(on: app.db).filter(\.$tokenHash == APITokens.hash(token)).first()?.revokedAt
                XCTAssertNotNil(revoked, "\(backend): \(action) revokes the key for good")
            }
            // A lock (five wrong passwords) ends them too, for good.
            let user = try await DirectoryStore(db: app.db).user(username: "km")!
            (user.credentialsChangedAt, user.mustChangePassword) = (nil, false)
            try await user.update(on: app.db)
            let token = try await APITests.token(for: "km", app: app)
            let works = try await apiRequest(app, .GET, path, token: token).status
            XCTAssertEqual(works, .ok, "\(backend)")
            for _ in 0..<5 {
                let browser = Browser(app)
                try await browser.get("/login")
                try await browser.post("/login", ["username": "km", "password": "fout-wachtwoord-1"])
            }
            try await DirectoryStore(db: app.db).clearFailures(km)
            let afterLock = try await apiRequest(app, .GET, path, token: token).status
            XCTAssertEqual(afterLock, .unauthorized, "\(backend): a key ends with a lock, also once it is lifted")
        }
    }

    func testAPIKeysExpire() async throws {
        let clock = MovableClock()
        try await withApp(clock: clock.clock) { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let tooLong = try await browser.post("/account/tokens", ["name": "koppeling", "days": "400"])
            XCTAssertEqual(tooLong.status, .badRequest, "at most a year")
            let made = try await browser.post("/account/tokens", ["name": "koppeling", "days": "1"])
            let page = made.body.string
            let token = try XCTUnwrap(page.range(of: "mdn_").map { "mdn_" + page[$0.upperBound...].prefix { $0 != "<" } })
            XCTAssertTrue(page.contains("Verloopt"), "the list shows the expiry")
            let path = "/api/v1/households/\(fixture.ownHousehold)"
            let today = try await apiRequest(app, .GET, path, token: token).status
            XCTAssertEqual(today, .ok)
            clock.advance(2 * 86_400)
            let later = try await apiRequest(app, .GET, path, token: token).status
            XCTAssertEqual(later, .unauthorized, "expired after one day")
            let model = try await APITokenModel.query(on: app.db).first()
            XCTAssertEqual(model?.expiresAt, testNow.addingTimeInterval(86_400))
            let defaults = APITokenModel(id: UUID(), userID: fixture.caseManager, name: "x", tokenHash: "h", createdAt: testNow)
            XCTAssertEqual(defaults.expiresAt, testNow.addingTimeInterval(90 * 86_400), "90 days by default")
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
