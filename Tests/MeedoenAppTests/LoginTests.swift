import Fluent
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class LoginTests: XCTestCase {
    func testWrongPasswordIsRefusedInDutchWithoutSayingWhichPartWasWrong() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            let wrongPassword = try await browser.post("/login", ["username": "km", "password": "fout-wachtwoord"])
            let unknownUser = try await browser.post("/login", ["username": "bestaat-niet", "password": "fout-wachtwoord"])
            XCTAssertEqual(wrongPassword.status, .unauthorized)
            XCTAssertEqual(unknownUser.status, .unauthorized)
            XCTAssertTrue(wrongPassword.body.string.contains("Deze combinatie van gebruikersnaam en wachtwoord kennen wij niet"))
            // Same text for both: the page must not reveal which usernames exist.
            XCTAssertEqual(Self.errorText(wrongPassword.body.string), Self.errorText(unknownUser.body.string))
        }
    }

    func testFiveFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            for _ in 1...LoginController.maxFailures {
                try await browser.post("/login", ["username": "km", "password": "fout-wachtwoord"])
            }
            let locked = try await browser.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(locked.status, .unauthorized)
            let user = try await DirectoryStore(db: app.db).user(username: "km")
            XCTAssertNotNil(user?.lockedUntil)
        }
    }

    func testManyAttemptsFromOneAddressAreSlowedAcrossAccounts() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            var statuses: [HTTPStatus] = []
            for attempt in 1...21 {
                statuses.append(
                    try await browser.post("/login", ["username": "gebruiker\(attempt)", "password": "fout-wachtwoord"]).status)
            }
            XCTAssertEqual(statuses.filter { $0 == .unauthorized }.count, 20)
            XCTAssertEqual(statuses.last, .tooManyRequests)
            let correct = try await browser.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(correct.status, .tooManyRequests, "also the right password waits")
        }
    }

    func testLoginRotatesTheSessionAndLogoutEndsIt() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            let before = browser.cookie
            try await browser.logIn("km")
            XCTAssertNotEqual(browser.cookie, before, "a new session id at log-in")
            let value1 = try await browser.get("/caseload").status
            XCTAssertEqual(value1, .ok)
            try await browser.post("/logout", [:])
            let after = try await browser.get("/caseload")
            XCTAssertEqual(after.status, .seeOther)
            XCTAssertEqual(after.headers.first(name: .location), "/login")
        }
    }

    func testSecurityHeadersAndHttpOnlyCookie() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            let page = try await browser.get("/login")
            XCTAssertTrue(page.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            XCTAssertEqual(page.headers.first(name: "X-Content-Type-Options"), "nosniff")
            let cookie = page.headers.first(name: .setCookie) ?? ""
            XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
            XCTAssertTrue(cookie.contains("SameSite=Lax"), cookie)
        }
    }

    static func errorText(_ html: String) -> String? {
        html.range(of: "<div class=\"error-summary\" role=\"alert\"><p>").map { String(html[$0.upperBound...].prefix { $0 != "<" }) }
    }
}

final class LookTests: XCTestCase {
    func testTheOrganisationsColourComesFromItsConfiguration() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            let page = try await browser.get("/caseload")
            XCTAssertTrue(page.body.string.contains("href=\"/css/organisation/steenwijkerland.css\""))
            let css = try await browser.get("/css/organisation/steenwijkerland.css")
            XCTAssertEqual(css.status, .ok)
            XCTAssertEqual(css.body.string, ":root { --colour-primary: #00528a; }\n")
            let unknown = try await browser.get("/css/organisation/bestaat-niet.css")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }
}

final class HardeningTests: XCTestCase {
    func testAnIdleSessionEndsAfterThirtyMinutes() async throws {
        let time = MovableClock()
        try await withApp(clock: time.clock) { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            time.advance(29 * 60)
            let value1 = try await browser.get("/caseload").status
            XCTAssertEqual(value1, .ok, "29 minutes idle: still signed in")
            time.advance(31 * 60)
            let idle = try await browser.get("/caseload")
            XCTAssertEqual(idle.headers.first(name: .location), "/login", "31 minutes idle: signed out")
        }
    }

    func testTheFunctioneelBeheerderUnlocksALockedAccount() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.get("/login")
            for _ in 1...LoginController.maxFailures {
                try await browser.post("/login", ["username": "km", "password": "fout-wachtwoord"])
            }
            let locked = try await browser.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(locked.status, .unauthorized)
            let admin = Browser(app)
            try await admin.logIn("fb")
            try await admin.get("/admin/users")
            let unlock = try await admin.post("/admin/users/\(fixture.caseManager)/unlock", [:])
            XCTAssertEqual(unlock.status, .seeOther)
            let afterwards = try await browser.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(afterwards.status, .seeOther)
        }
    }

    func testSecurityHeadersIncludingHSTSBehindTLS() async throws {
        try await withApp(tls: true) { app, _ in
            let page = try await Browser(app).get("/login")
            XCTAssertEqual(page.headers.first(name: "Referrer-Policy"), "same-origin")
            XCTAssertEqual(page.headers.first(name: "X-Frame-Options"), "DENY")
            XCTAssertEqual(page.headers.first(name: "Strict-Transport-Security"), "max-age=31536000")
            XCTAssertTrue(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            XCTAssertTrue(page.headers.first(name: .setCookie)?.contains("Secure") == true, "secure cookies behind TLS")
        }
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "geheim detail 999993653 in een foutmelding" }
    }

    func testAnUnexpectedErrorShowsADutchPageWithoutInternals() async throws {
        try await withApp { app, _ in
            app.get("proef-fout") { _ -> String in throw Unexpected() }.require(.open)
            let response = try await Browser(app).get("/proef-fout")
            XCTAssertEqual(response.status, .internalServerError)
            XCTAssertTrue(response.body.string.contains("Er ging iets mis aan onze kant"))
            XCTAssertFalse(
                response.body.string.contains("999993653") || response.body.string.contains("Unexpected"), "no internals, no personal data")
        }
    }
}
