import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class TOTPTests: XCTestCase {
    /// RFC 6238 appendix B, SHA-1, secret "12345678901234567890", 8 digits.
    func testTheRFCVectors() {
        let secret = Array("12345678901234567890".utf8)
        let vectors: [(TimeInterval, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_234_567_890, "89005924"), (2_000_000_000, "69279037"),
        ]
        for (time, code) in vectors {
            XCTAssertEqual(TOTP.code(secret: secret, counter: TOTP.counter(at: Date(timeIntervalSince1970: time)), digits: 8), code)
        }
    }

    func testBase32() {
        XCTAssertEqual(Base32.encode(Array("foobar".utf8)), "MZXW6YTBOI")
        XCTAssertEqual(Base32.decode("MZXW6YTBOI").map { String(decoding: $0, as: UTF8.self) }, "foobar")
        XCTAssertNil(Base32.decode("0189"))
    }
}

final class SecondFactorTests: XCTestCase {
    func code(_ secret: String, at date: Date = testNow) -> String {
        TOTP.code(secret: Base32.decode(secret)!, counter: TOTP.counter(at: date))
    }

    func testEnrolLogInWithACodeThenWithARecoveryCodeOnce() async throws {
        try await withApp(secondFactor: true) { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            let password = try await browser.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(password.headers.first(name: .location), "/login/enroll")
            let caseloadBefore = try await browser.get("/caseload")
            XCTAssertEqual(caseloadBefore.status, .seeOther, "not signed in before the second factor")

            let enrollPage = try await browser.get("/login/enroll").body.string
            let secret = try XCTUnwrap(enrollPage.range(of: "secret=").map { String(enrollPage[$0.upperBound...].prefix { $0 != "&" }) })
            let wrong = try await browser.post("/login/enroll", ["code": "000000"])
            XCTAssertEqual(wrong.status, .badRequest)
            let enrolled = try await browser.post("/login/enroll", ["code": code(secret)])
            XCTAssertEqual(enrolled.status, .ok)
            let recovery = enrolled.body.string.components(separatedBy: "<code>").dropFirst().map { String($0.prefix(9)) }
            XCTAssertEqual(recovery.count, 10)
            let value201 = try await browser.get("/caseload").status
            XCTAssertEqual(value201, .ok)

            // Next log-in: the same code cannot be replayed; a recovery code works once.
            try await browser.post("/logout", [:])
            try await browser.get("/login")
            let again = try await browser.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(again.headers.first(name: .location), "/login/second-factor")
            try await browser.get("/login/second-factor")
            let replay = try await browser.post("/login/second-factor", ["code": code(secret)])
            XCTAssertEqual(replay.status, .unauthorized, "a used code is refused")
            let withRecovery = try await browser.post("/login/second-factor", ["code": recovery[0]])
            XCTAssertEqual(withRecovery.status, .seeOther)
            let value202 = try await browser.get("/caseload").status
            XCTAssertEqual(value202, .ok)
            let user = try await DirectoryStore(db: app.db).user(username: "km")!
            XCTAssertEqual(user.recoveryCodes?.split(separator: " ").count, 9, "the used recovery code is gone")
        }
    }

    func testEveryRoleUsesTheSecondFactor() async throws {
        try await withApp(secondFactor: true) { app, _ in
            for username in ["bm", "beheer", "wgd", "jc"] {
                let browser = Browser(app)
                try await browser.get("/login")
                let response = try await browser.post("/login", ["username": username, "password": Fixture.password])
                XCTAssertEqual(response.headers.first(name: .location), "/login/enroll", "\(username) sets up a second factor")
            }

            let km = try await DirectoryStore(db: app.db).user(username: "km")!
            km.totpSecret = Base32.encode(TOTP.newSecret())
            try await km.update(on: app.db)
            let admin = Browser(app)
            try await admin.get("/login")
            let adminLogin = try await admin.post("/login", ["username": "fb", "password": Fixture.password])
            XCTAssertEqual(adminLogin.headers.first(name: .location), "/login/enroll", "the functioneel beheerder uses a second factor too")
        }
    }
}

final class PasswordResetTests: XCTestCase {
    func testAResetEndsSessionsAndForcesANewPassword() async throws {
        try await withApp { app, fixture in
            let caseManager = Browser(app)
            try await caseManager.logIn("km")
            let admin = Browser(app)
            try await admin.logIn("fb")
            try await admin.get("/admin/users")
            let reset = try await admin.post("/admin/users/\(fixture.caseManager)/reset-password", [:])
            let page = reset.body.string
            let temporary = try XCTUnwrap(
                page.range(of: "Tijdelijk wachtwoord voor km: ").map { String(page[$0.upperBound...].prefix(16)) })

            let ended = try await caseManager.get("/caseload")
            XCTAssertEqual(ended.headers.first(name: .location), "/login", "the old session ends at a reset")

            let again = Browser(app)
            try await again.get("/login")
            try await again.post("/login", ["username": "km", "password": temporary])
            let forced = try await again.get("/caseload")
            XCTAssertEqual(forced.headers.first(name: .location), "/account/password", "a temporary password is changed first")
            try await again.get("/account/password")
            let wrong = try await again.post(
                "/account/password",
                ["current": "niet-goed-wachtwoord", "new": "Een-nieuw-lang-wachtwoord", "repeat": "Een-nieuw-lang-wachtwoord"])
            XCTAssertEqual(wrong.status, .badRequest)
            let changed = try await again.post(
                "/account/password", ["current": temporary, "new": "Een-nieuw-lang-wachtwoord", "repeat": "Een-nieuw-lang-wachtwoord"])
            XCTAssertEqual(changed.status, .seeOther)
            let value1 = try await again.get("/caseload").status
            XCTAssertEqual(value1, .ok, "this session goes on after the change")
        }
    }
}
