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
    /// The activation code shown to the beheerder, read from the users page.
    static func activationCode(in page: String, for username: String) throws -> String {
        try XCTUnwrap(page.range(of: "Activeringscode voor \(username): ").map { String(page[$0.upperBound...].prefix(23)) })
    }

    /// Issue 12, point 3: a reset gives an activation code, never a password; the colleague
    /// chooses their own password with it, once.
    func testAResetEndsSessionsAndTheColleagueChoosesTheNewPassword() async throws {
        try await withApp { app, fixture in
            let caseManager = Browser(app)
            try await caseManager.logIn("km")
            let admin = Browser(app)
            try await admin.logIn("fb")
            try await admin.get("/admin/users")
            let reset = try await admin.post("/admin/users/\(fixture.caseManager)/reset-password", [:])
            let code = try Self.activationCode(in: reset.body.string, for: "km")
            XCTAssertFalse(reset.body.string.contains("wachtwoord voor km:"), "no password is shown")

            let ended = try await caseManager.get("/caseload")
            XCTAssertEqual(ended.headers.first(name: .location), "/login", "the old session ends at a reset")
            let old = Browser(app)
            try await old.get("/login")
            let oldPassword = try await old.post("/login", ["username": "km", "password": Fixture.password])
            XCTAssertEqual(oldPassword.status, .unauthorized, "the old password stops working")

            let colleague = Browser(app)
            try await colleague.get("/activate")
            let wrong = try await colleague.post("/activate", ["username": "km", "code": "aaaaa-bbbbb-ccccc-ddddd"])
            XCTAssertEqual(wrong.status, .unauthorized)
            let right = try await colleague.post("/activate", ["username": "km", "code": code.uppercased()])
            XCTAssertEqual(right.headers.first(name: .location), "/activate/password")
            try await colleague.get("/activate/password")
            let short = try await colleague.post("/activate/password", ["new": "kort", "repeat": "kort"])
            XCTAssertEqual(short.status, .badRequest)
            let chosen = try await colleague.post(
                "/activate/password", ["new": "Een-nieuw-lang-wachtwoord", "repeat": "Een-nieuw-lang-wachtwoord"])
            XCTAssertEqual(chosen.status, .seeOther)
            let value1 = try await colleague.get("/caseload").status
            XCTAssertEqual(value1, .ok, "signed in with the chosen password (second factor off in this test)")

            let again = Browser(app)
            try await again.get("/activate")
            let reused = try await again.post("/activate", ["username": "km", "code": code])
            XCTAssertEqual(reused.status, .unauthorized, "the code works once")
            let withNew = Browser(app)
            try await withNew.logIn("km", password: "Een-nieuw-lang-wachtwoord")
        }
    }

    /// The beheerder creates an account without a password; the privacy officer sees it, and
    /// one beheerder cannot reset both the password and the second factor of the same account.
    func testTheBeheerderCannotMakeOrTakeOverAnAccountThatReachesFiles() async throws {
        try await withApp(secondFactor: true) { app, fixture in
            let user = try await DirectoryStore(db: app.db).user(username: "fb")!
            user.totpSecret = Base32.encode(TOTP.newSecret())
            try await user.update(on: app.db)
            app.meedoen.settings.secondFactor = false  // the beheerder's own log-in is not what is tested
            let admin = Browser(app)
            try await admin.logIn("fb")
            app.meedoen.settings.secondFactor = true
            try await admin.get("/admin/users/new")
            let created = try await admin.post(
                "/admin/users",
                [
                    "username": "pf2", "displayName": "Nieuwe Privacyfunctionaris", "role": "privacyOfficer",
                    "password": "Mijn-eigen-keuze-1",
                ])
            XCTAssertEqual(created.status, .ok)
            let code = try Self.activationCode(in: created.body.string, for: "pf2")
            let chosenByAdmin = Browser(app)
            try await chosenByAdmin.get("/login")
            let tried = try await chosenByAdmin.post("/login", ["username": "pf2", "password": "Mijn-eigen-keuze-1"])
            XCTAssertEqual(tried.status, .unauthorized, "a password sent with the form is ignored")

            // The new account activates: own password, then its own second factor.
            let colleague = Browser(app)
            try await colleague.get("/activate")
            try await colleague.post("/activate", ["username": "pf2", "code": code])
            try await colleague.get("/activate/password")
            let chosen = try await colleague.post(
                "/activate/password", ["new": "Haar-eigen-wachtwoord-9", "repeat": "Haar-eigen-wachtwoord-9"])
            XCTAssertEqual(chosen.headers.first(name: .location), "/login/enroll", "then the second factor")

            // Four eyes: the same beheerder cannot also reset the other credential within a week.
            try await admin.get("/admin/users")
            let first = try await admin.post("/admin/users/\(fixture.caseManager)/reset-2fa", [:])
            XCTAssertEqual(first.status, .seeOther)
            try await admin.get("/admin/users")
            let second = try await admin.post("/admin/users/\(fixture.caseManager)/reset-password", [:])
            XCTAssertEqual(second.status, .conflict, "a second beheerder does the other half")

            let officer = Browser(app)
            app.meedoen.settings.secondFactor = false
            try await officer.logIn("pf")
            let page = try await officer.get("/privacy/accounts").body.string
            XCTAssertTrue(page.contains("gebruiker pf2 aangemaakt, rol privacyfunctionaris"), page)
            XCTAssertTrue(page.contains("account geactiveerd"))
            XCTAssertTrue(page.contains("tweede factor gewist"))
        }
    }
}
