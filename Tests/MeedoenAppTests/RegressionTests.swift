import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Each test here pins a defect found in review, so it stays fixed.
final class RegressionTests: XCTestCase {
    func testOutOfRangePagesAnswerInsteadOfCrashing() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            for path in ["/households?page=20", "/households?page=9223372036854775807", "/households?per=-5&page=-1"] {
                let value1 = try await browser.get(path).status
                XCTAssertEqual(value1, .ok, path)
            }
            let token = try await APITests.token(for: "km", app: app)
            let huge = try await apiRequest(app, .PATCH, "/api/v1/clients/\(UUID())", token: token, json: #"{"houseNumber":1e300}"#)
            XCTAssertEqual(huge.status, .notFound, "unknown client first; no crash on the number")
        }
    }

    func testHugeNumberInJSONIsAValidationErrorNotACrash() async throws {
        try await withApp { app, fixture in
            let token = try await APITests.token(for: "km", app: app)
            let response = try await apiRequest(
                app, .PATCH, "/api/v1/households/\(fixture.ownHousehold)", token: token,
                json: #"{"street":"A","houseNumber":1e300,"postcode":"8331AB","city":"S"}"#)
            XCTAssertEqual(response.status, .badRequest, response.body.string)
        }
    }

    func testPartnersCannotListTheOrganisation() async throws {
        try await withEachBackend { app, _, backend in
            let browser = Browser(app)
            try await browser.logIn("jc")
            let page = try await browser.get("/households")
            XCTAssertFalse(page.body.string.contains("Yvonne"), "\(backend)")
            let token = try await APITests.token(for: "jc", app: app)
            let clients = try await apiRequest(app, .GET, "/api/v1/clients", token: token)
            XCTAssertEqual(try clients.content.decode(ListDTO<ClientDTO>.self).total, 0, "\(backend)")
        }
    }

    func testATeamLeaderMovesCaseloadsOnlyWithinTheirTeams() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("tl")
            try await browser.get("/admin/caseload-move")
            // km2 is in no team the teamleider leads.
            let response = try await browser.post(
                "/admin/caseload-move",
                ["fromId": fixture.otherCaseManager.uuidString, "toId": fixture.caseManager.uuidString, "validFrom": "2026-11-28"])
            XCTAssertEqual(response.status, .badRequest)
            let directors = try await HouseholdDirectorModel.query(on: app.db).filter(\.$household.$id == fixture.colleagueHousehold)
                .filter(\.$supersededAt == nil).all()
            XCTAssertEqual(directors.map(\.directorID), [fixture.otherCaseManager])
        }
    }

    func testEndingSupportEndsItAndStartingTwiceIsRefused() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.client(.id(fixture.ownApplicant), .supportEnd).path)
            let ended = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .supportEnd).path, ["validTo": "2026-10-31", "endReason": "work"])
            XCTAssertEqual(ended.status, .seeOther, "\(backend)")
            let periods = try await SupportPeriodModel.query(on: app.db).filter(\.$resident.$id == fixture.ownApplicant).filter(
                \.$supersededAt == nil
            ).all()
            XCTAssertEqual(periods.count, 1, "\(backend): no open tail after the end")
            XCTAssertEqual(periods.first?.validTo.map(Day.init), Day(year: 2026, month: 10, day: 31))
            XCTAssertEqual(periods.first?.endReason, .work)

            try await browser.get(SitePath.client(.id(fixture.ownApplicant)).path)
            let overlapping = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .supportStart).path, ["validFrom": "2026-06-01"])
            XCTAssertEqual(overlapping.status, .conflict, "\(backend)")
            let restarted = try await browser.post(
                SitePath.client(.id(fixture.ownApplicant), .supportStart).path, ["validFrom": "2026-11-15"])
            XCTAssertEqual(restarted.status, .seeOther, "\(backend)")
        }
    }

    func testASecondPartnerIsRefusedThroughTheAPI() async throws {
        try await withApp { app, fixture in
            let token = try await APITests.token(for: "km", app: app)
            let first = try await apiRequest(
                app, .POST, "/api/v1/households/\(fixture.ownHousehold)/members", token: token,
                json: #"{"bsn":"999993240","givenName":"P","familyName":"Q","dateOfBirth":"1990-01-01","relation":"partner"}"#)
            XCTAssertEqual(first.status, .created, first.body.string)
            let second = try await apiRequest(
                app, .POST, "/api/v1/households/\(fixture.ownHousehold)/members", token: token,
                json: #"{"bsn":"999993872","givenName":"R","familyName":"S","dateOfBirth":"1990-01-01","relation":"partner"}"#)
            XCTAssertEqual(second.status, .badRequest)
            XCTAssertTrue(second.body.string.contains("al een partner"))
        }
    }

    func testOpeningAnEditFormIsLoggedAsARead() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.client(.id(fixture.ownApplicant), .edit).path)
            let reads = try await AuditEventModel.query(on: app.db).filter(\.$action == "inzien").filter(
                \.$householdID == fixture.ownHousehold
            ).count()
            XCTAssertEqual(reads, 1)
        }
    }

    func testASessionCookieDoesNotAuthenticateTheAPI() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            let response = try await browser.get("/api/v1/households")
            XCTAssertEqual(response.status, .unauthorized, "the API takes bearer tokens only, so a forged cross-site request gets nothing")
            let doubleSlash = try await browser.get("//api/v1/households")
            XCTAssertNotEqual(doubleSlash.status, .ok)
        }
    }

    /// Issue 12, point 13: a refused page says so; "1 trede", not "1 trede(n)".
    func testARefusalIsTitledNoAccess() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.logIn("bm")
            let page = try await browser.get("/admin/users")
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertTrue(page.body.string.contains("<title>Geen toegang"), String(page.body.string.prefix(300)))
        }
        XCTAssertEqual(Dutch.count(1, "trede", "treden"), "1 trede")
        XCTAssertEqual(Dutch.rung(.paidWork), "6 – Betaald werk zonder ondersteuning", "seed 001 names rung 6 in full (issue 13)")
        XCTAssertEqual(Dutch.count(3, "maand", "maanden"), "3 maanden")
    }

    /// Issue 12, point 7: demo accounts only when asked for — a first start on an empty embedded
    /// database loads nothing.
    func testDemoDataOnlyWhenAskedFor() async throws {
        let demo = try Settings.fromEnvironment(workingDirectory: "/tmp/", command: "demo")
        XCTAssertTrue(demo.demo)
        let path = NSTemporaryDirectory() + "meedoen-nodemo-\(UUID().uuidString).sqlite"
        let app = try await Application.make(.testing)
        app.directory = DirectoryConfiguration(workingDirectory: packageRoot)
        do {
            try await configure(app, settings: Settings(database: .sqlite(path: path), demo: false), clock: .fixed(testNow))
            try await Meedoen.prepareForServing(app)
            let organisations = try await OrganisationModel.query(on: app.db).count()
            let users = try await UserModel.query(on: app.db).count()
            XCTAssertEqual(organisations + users, 0, "no demo organisations or accounts")
        } catch {
            try? await app.asyncShutdown()
            removeSQLite(path)
            throw error
        }
        try await app.asyncShutdown()
        removeSQLite(path)
    }

    /// Issue 12, point 13: a new household's norm category is chosen, not defaulted to "Geen"
    /// while "Ontvangt bijstand" is ticked; a page past the end shows the last page; the start
    /// banner names the port asked for.
    func testSmallBlockersOfTheWorkingDay() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let form = try await browser.get("/households/new").body.string
            let norm =
                form.components(separatedBy: "id=\"normCategory\"").dropFirst().first?.components(separatedBy: "</select>").first ?? ""
            XCTAssertTrue(norm.contains("<option value=\"\" selected>— kies —</option>"), norm)
            let base: [String: String] = [
                "bsn": "999998146", "givenName": "Nieuw", "familyName": "Huishouden", "dateOfBirth": "1990-01-01", "street": "Markt",
                "houseNumber": "1", "postcode": "8331 AB", "city": "Steenwijk", "municipalityId": fixture.municipality.uuidString,
                "supportStart": "2026-11-01", "receivesBijstand": "ja",
            ]
            let unchosen = try await browser.post("/households", base.merging(["normCategory": ""]) { $1 })
            XCTAssertEqual(unchosen.status, .badRequest)
            XCTAssertTrue(unchosen.body.string.contains("Kies de normcategorie"))
            let chosen = try await browser.post("/households", base.merging(["normCategory": "single"]) { $1 })
            XCTAssertEqual(chosen.status, .seeOther, "saved at the first try with a chosen category")
            var without = base
            without["receivesBijstand"] = nil
            (without["bsn"], without["normCategory"]) = ("999998158", "geen")
            let none = try await browser.post("/households", without)
            XCTAssertEqual(none.status, .seeOther, "'geen' for a household without bijstand")

            let far = try await browser.get("/households?page=40").body.string
            XCTAssertTrue(far.contains("1–4 van 4 huishoudens"), "the last page, not '976–4 van 4'")
        }
        let app = try await Application.make(
            Environment(name: "testing", arguments: ["meedoen", "serve", "--hostname", "0.0.0.0", "--port", "9123"]))
        let (host, port) = Meedoen.servingAddress(app)
        try await app.asyncShutdown()
        XCTAssertEqual(host, "0.0.0.0")
        XCTAssertEqual(port, 9123, "the banner names the port asked for")
    }
}
