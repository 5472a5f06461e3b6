import Fluent
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

final class IncomeTests: XCTestCase {
    func testTheCalculatorPageShowsMonthsCliffAndLetter() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("/calculations/income")
            let response = try await browser.post(
                "/calculations/income",
                [
                    "startMonth": "2026-01", "months": "36", "claimantBirth": "1996-03-10", "netMonthlyEarnings": "1.000,00",
                    "hoursPerWeek": "20",
                ])
            XCTAssertEqual(response.status, .ok)
            let html = response.body.string
            XCTAssertTrue(html.contains("€ 1.651,50"), "January: 1,401.50 norm + 250.00 exempted")
            XCTAssertTrue(html.contains("Vanaf juli 2026 stopt de vrijlating 25%"))
            XCTAssertTrue(html.contains("Brief voor de inwoner"))
            XCTAssertTrue(html.contains("huurtoeslag"), "the letter says what is left out")
            XCTAssertTrue(html.contains("<svg"), "the chart")
            XCTAssertTrue(html.contains("aria-labelledby=\"grafiek-titel grafiek-uitleg\""), "with a text alternative")
        }
    }

    func testBadInputGetsDutchMessagesAndNoResult() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("/calculations/income")
            let cases: [([String: String], String)] = [
                (["netMonthlyEarnings": "-5", "hoursPerWeek": "20"], "Een bedrag kan niet negatief zijn."),
                (["netMonthlyEarnings": "1000", "hoursPerWeek": "61"], "Vul 0 tot 60 uur per week in"),
                (
                    ["netMonthlyEarnings": "1000", "hoursPerWeek": "20", "startMonth": "2023-06"],
                    "Voor juni 2023 zijn nog geen wettelijke bedragen ingevoerd"
                ),
                (["netMonthlyEarnings": "1000", "hoursPerWeek": "20", "claimantBirth": "2008-01-01"], "jongerennormen"),
                (
                    ["netMonthlyEarnings": "1000", "hoursPerWeek": "20", "child1": "2027-01-01"],
                    "Een kind kan niet na de startmaand geboren zijn"
                ),
            ]
            for (overrides, message) in cases {
                var form = ["startMonth": "2026-01", "months": "36", "claimantBirth": "1990-01-01"]
                form.merge(overrides) { $1 }
                let response = try await browser.post("/calculations/income", form)
                XCTAssertEqual(response.status, .badRequest, message)
                XCTAssertTrue(response.body.string.contains(message), message)
                XCTAssertFalse(response.body.string.contains("id=\"uitkomst\""), "no result beside an error")
            }
        }
    }

    func testPrefilledFromAHouseholdAndTheReadIsLogged() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            let page = try await browser.get(SitePath.household(.id(fixture.ownHousehold), .income).path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("value=\"1991-05-01\""), "the applicant's date of birth is filled in")
            let logged = try await AuditEventModel.query(on: app.db).filter(\.$purpose == "werken loont berekenen").count()
            XCTAssertEqual(logged, 1)
            let foreign = try await browser.get(SitePath.household(.id(fixture.foreignHousehold), .income).path)
            XCTAssertEqual(foreign.status, .notFound)
        }
    }

    func testTheIncomeAndSubsidyAPI() async throws {
        try await withApp { app, _ in
            let token = try await APITests.token(for: "km", app: app)
            let income = try await apiRequest(
                app, .POST, "/api/v1/calculations/income", token: token,
                json: """
                    {"startMonth":"2026-01","months":12,"claimantBirth":"1996-03-10","netMonthlyEarningsCents":100000,"hoursPerWeek":20}
                    """)
            XCTAssertEqual(income.status, .ok, income.body.string)
            let result = try income.content.decode(IncomeAPI.IncomeResponse.self)
            XCTAssertEqual(result.months.count, 12)
            XCTAssertEqual(result.months[0].totalCents, 165_150)
            XCTAssertEqual(result.months[0].rule, .n)
            XCTAssertEqual(result.cliffs.first?.month, "2026-07")

            let refused = try await apiRequest(
                app, .POST, "/api/v1/calculations/income", token: token,
                json: """
                    {"startMonth":"2026-01","claimantBirth":"2008-03-10","netMonthlyEarningsCents":100000,"hoursPerWeek":20}
                    """)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.body.string.contains("\"field\":\"claimantBirth\""), refused.body.string)
            let badMonth = try await apiRequest(
                app, .POST, "/api/v1/calculations/income", token: token,
                json: """
                    {"startMonth":"januari","claimantBirth":"1990-03-10","netMonthlyEarningsCents":100000,"hoursPerWeek":20}
                    """)
            XCTAssertEqual(badMonth.status, .badRequest)

            let subsidy = try await apiRequest(
                app, .POST, "/api/v1/calculations/wage-cost-subsidy", token: token,
                json: """
                    {"startMonth":"2026-01","wageValueBasisPoints":5000,"hoursPerWeek":24}
                    """)
            XCTAssertEqual(subsidy.status, .ok, subsidy.body.string)
            let months = try subsidy.content.decode(IncomeAPI.SubsidyResponse.self).months
            XCTAssertEqual(months[0].totalCents, 102_025)
            let outOfRange = try await apiRequest(
                app, .POST, "/api/v1/calculations/wage-cost-subsidy", token: token,
                json: """
                    {"startMonth":"2026-01","wageValueBasisPoints":12000,"hoursPerWeek":24}
                    """)
            XCTAssertEqual(outOfRange.status, .badRequest)
            XCTAssertTrue(outOfRange.body.string.contains("wageValue"))
        }
    }

    func testOnlyTheApplicatiebeheerderSetsLegalParametersAndCalculationsUseThem() async throws {
        try await withEachBackend { app, _, backend in
            let caseManager = Browser(app)
            try await caseManager.logIn("km")
            let value1 = try await caseManager.get("/admin/parameters").status
            XCTAssertEqual(value1, .forbidden, "\(backend)")

            let browser = Browser(app)
            try await browser.logIn("beheer")
            let page = try await browser.get("/admin/parameters")
            XCTAssertTrue(page.body.string.contains("€ 1.419,46"), "\(backend): the shipped July 2026 single norm")
            let refused = try await browser.post(
                "/admin/parameters", ["key": "normSingle", "validFrom": "2027-01-01", "value": "abc", "source": "kort"])
            XCTAssertEqual(refused.status, .badRequest)
            let saved = try await browser.post(
                "/admin/parameters",
                [
                    "key": "normSingle", "validFrom": "2027-01-01", "value": "1.450,00",
                    "source": "Participatiewet art. 21 onder a, tekst geldig vanaf 2027-01-01 (test)",
                ])
            XCTAssertEqual(saved.status, .seeOther, "\(backend)")
            let parameters = try await LegalParameterStore(db: app.db).all()
            XCTAssertEqual(try parameters.value(.normSingle, on: Day(year: 2027, month: 3, day: 1)!), 145_000)
            XCTAssertEqual(
                try parameters.value(.normSingle, on: Day(year: 2026, month: 12, day: 1)!), 141_946, "earlier months keep their amounts")
        }
    }
}
