import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class StatedReasonTests: XCTestCase {
    func testOpeningAColleaguesFileAsksForAReasonLogsItAndTheTeamleiderSeesIt() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            let first = try await browser.get("/households/\(fixture.colleagueHousehold)")
            XCTAssertEqual(first.status, .seeOther, "\(backend)")
            let location = first.headers.first(name: .location) ?? ""
            XCTAssertTrue(location.hasPrefix("/households/\(fixture.colleagueHousehold)/access?terug="), location)
            let reasonPage = try await browser.get(location)
            XCTAssertTrue(reasonPage.body.string.contains("Waarom opent u dit dossier?"))

            let missing = try await browser.post("/households/\(fixture.colleagueHousehold)/access", ["reason": "anders"])
            XCTAssertEqual(missing.status, .badRequest, "'anders' needs an explanation")
            let stated = try await browser.post(
                "/households/\(fixture.colleagueHousehold)/access",
                [
                    "reason": "anders", "explanation": "Inwoner belde over een brief", "terug": "https://elders.example/phish",
                ])
            XCTAssertEqual(stated.headers.first(name: .location), "/households/\(fixture.colleagueHousehold)", "no open redirect")
            let value1 = try await browser.get("/households/\(fixture.colleagueHousehold)").status
            XCTAssertEqual(value1, .ok)
            let reads = try await AuditEventModel.query(on: app.db).filter(\.$householdID == fixture.colleagueHousehold).filter(
                \.$action == "inzien"
            ).all()
            XCTAssertTrue(
                reads.allSatisfy { $0.purpose.contains("reden: Inwoner belde over een brief") },
                "\(backend): the reason travels with every read")

            let leader = Browser(app)
            try await leader.logIn("tl")
            let review = try await leader.get("/team/access-reasons")
            XCTAssertTrue(review.body.string.contains("Inwoner belde over een brief"), "\(backend)")
        }
    }

    func testTheAPINeedsTheReasonInAHeader() async throws {
        try await withApp { app, fixture in
            let token = try await APITests.token(for: "km", app: app)
            let refused = try await apiRequest(app, .GET, "/api/v1/households/\(fixture.colleagueHousehold)", token: token)
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertTrue(refused.body.string.contains("reason_required"))
            var captured: XCTHTTPResponse!
            try await app.test(
                .GET, "/api/v1/households/\(fixture.colleagueHousehold)",
                beforeRequest: { req async throws in
                    req.headers.bearerAuthorization = .init(token: token)
                    req.headers.replaceOrAdd(name: "X-Meedoen-Reden", value: "Vervanging van de regisseur")
                }, afterResponse: { res async throws in captured = res })
            XCTAssertEqual(captured.status, .ok)
            let own = try await apiRequest(app, .GET, "/api/v1/households/\(fixture.ownHousehold)", token: token)
            XCTAssertEqual(own.status, .ok, "no reason needed for one's own caseload")
        }
    }
}
