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
            let first = try await browser.get(SitePath.household(.id(fixture.colleagueHousehold)).path)
            XCTAssertEqual(first.status, .seeOther, "\(backend)")
            let location = first.headers.first(name: .location) ?? ""
            XCTAssertTrue(location.hasPrefix("/households/\(fixture.colleagueHousehold)/access?terug="), location)
            let reasonPage = try await browser.get(location)
            XCTAssertTrue(reasonPage.body.string.contains("Waarom opent u dit dossier?"))

            let missing = try await browser.post(SitePath.household(.id(fixture.colleagueHousehold), .access).path, ["reason": "anders"])
            XCTAssertEqual(missing.status, .badRequest, "'anders' needs an explanation")
            let stated = try await browser.post(
                SitePath.household(.id(fixture.colleagueHousehold), .access).path,
                [
                    "reason": "anders", "explanation": "Inwoner belde over een brief", "terug": "https://elders.example/phish",
                ])
            XCTAssertEqual(
                stated.headers.first(name: .location), SitePath.household(.id(fixture.colleagueHousehold)).path, "no open redirect")
            let value1 = try await browser.get(SitePath.household(.id(fixture.colleagueHousehold)).path).status
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

final class InzageTests: XCTestCase {
    func testThePrivacyOfficerFindsAResidentSeesTheLogAndExportsTheirDataOnly() async throws {
        try await withEachBackend { app, fixture, backend in
            // A case manager opens the file and adds a member, so there is a log and another person.
            let caseManager = Browser(app)
            try await caseManager.logIn("km")
            try await caseManager.get(SitePath.household(.id(fixture.ownHousehold)).path)
            try await caseManager.get(SitePath.household(.id(fixture.ownHousehold), .edit("members")).path)
            try await caseManager.post(
                SitePath.household(.id(fixture.ownHousehold), .edit("members")).path,
                [
                    "bsn": "999993872", "givenName": "Johan", "familyName": "Visser", "dateOfBirth": "1979-02-02", "relation": "partner",
                ])

            let officer = Browser(app)
            try await officer.logIn("pf")
            try await officer.get("/privacy")
            let wrong = try await officer.post("/privacy", ["bsn": "999993241"])
            XCTAssertEqual(wrong.status, .badRequest)
            let found = try await officer.post("/privacy", ["bsn": "999 993 653"])
            let location = found.headers.first(name: .location) ?? ""
            XCTAssertEqual(location, "/privacy/residents/\(fixture.ownApplicant)", "\(backend)")
            XCTAssertFalse(location.contains("999993653"), "no BSN in the URL")
            let log = try await officer.get(location).body.string
            XCTAssertTrue(log.contains("dossier bekijken"), "\(backend): the case manager's read is listed")
            XCTAssertTrue(
                log.contains("nog niet volledig gecontroleerd"), "the page reports the last full verification, never walks the log")

            let export = try await officer.get(location + "/inzage.json")
            XCTAssertEqual(export.status, .ok)
            let json = export.body.string
            XCTAssertTrue(json.contains("999993653") && json.contains("Yvonne"), "\(backend): the person's own data")
            XCTAssertFalse(
                json.contains("Visser") || json.contains("999993872") || json.contains("Johan"), "\(backend): nothing of another person")
            let inzage = try export.content.decode(Inzage.self)
            XCTAssertEqual(inzage.otherHouseholdMembers, 1)
            XCTAssertTrue(inzage.history.contains { $0.what == "Uitkering" })
            XCTAssertTrue(inzage.accessLog.contains { $0.by == "km" && $0.action == "inzien" })
            let printable = try await officer.get(location + "/inzage")
            XCTAssertTrue(printable.body.string.contains("Wie uw gegevens inzag of wijzigde"))

            // Making the export is itself logged.
            let logged = try await AuditEventModel.query(on: app.db).filter(\.$purpose == "inzageverzoek (AVG art. 15)").count()
            XCTAssertEqual(logged, 2)
        }
    }

    func testOnlyThePrivacyOfficerHasTheseLogs() async throws {
        try await withApp { app, fixture in
            for user in ["km", "tl", "bm", "fb"] {
                let browser = Browser(app)
                try await browser.logIn(user)
                let value1 = try await browser.get("/privacy/residents/\(fixture.ownApplicant)/inzage.json").status
                XCTAssertEqual(value1, .forbidden, user)
            }
        }
    }
}

final class RetentionTests: XCTestCase {
    /// Support ended ten years ago (due), last year (kept), or still running in the other organisation (kept).
    func testTheRetentionRunAnonymisesOnlyWhatIsDueAndKeepsTheCounts() async throws {
        try await withEachBackend { app, fixture, backend in
            let store = HouseholdStore(db: app.db)
            let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
            // The fixture's households started support on 2025-01-01; end Yvonne's long ago by correcting its dates.
            try await store.setBenefitFacts(
                fixture.ownHousehold, to: .init(receivesBijstand: true, normCategory: .single, partialBenefit: false),
                from: Day(year: 2014, month: 1, day: 1)!, by: recorder)
            let periods = try await SupportPeriodModel.query(on: app.db).filter(\.$resident.$id == fixture.ownApplicant).all()
            for period in periods {
                period.validFrom = Day(year: 2014, month: 1, day: 1)!.date
                period.validTo = Day(year: 2016, month: 6, day: 30)!.date
                period.endReason = .work
                try await period.update(on: app.db)
            }
            let colleagueApplicant = try await ResidentModel.query(on: app.db).filter(\.$household.$id == fixture.colleagueHousehold)
                .first()!
            try await store.endSupport(colleagueApplicant.id!, on: Day(year: 2025, month: 12, day: 31)!, reason: .movedAway, by: recorder)
            // Some logged changes with old/new values for Yvonne's household.
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get(SitePath.household(.id(fixture.ownHousehold), .edit("address")).path)
            try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .edit("address")).path,
                ["street": "Nieuwstraat", "houseNumber": "2", "postcode": "8331 AB", "city": "Steenwijk"])
            let payloadsBefore = try await AuditPayloadModel.query(on: app.db).filter(\.$destroyedAt == nil).count()
            let householdsBefore = try await HouseholdModel.query(on: app.db).count()

            let dry = try await RetentionRunCommand.run(app, dryRun: true) { _ in }
            XCTAssertEqual(dry.households, 1, "\(backend)")
            let value101 = try await ResidentModel.find(fixture.ownApplicant, on: app.db)?.bsn
            XCTAssertEqual(value101, "999993653", "a dry run changes nothing")

            let done = try await RetentionRunCommand.run(app, dryRun: false) { _ in }
            XCTAssertEqual(done.households, 1, "\(backend)")
            let anonymised = try await ResidentModel.find(fixture.ownApplicant, on: app.db)!
            XCTAssertFalse(anonymised.bsn.contains("999993653"))
            XCTAssertEqual(anonymised.familyName, "Geanonimiseerd")
            XCTAssertEqual(Day(anonymised.dateOfBirth), Day(year: 1991, month: 1, day: 1), "the birth year stays for counts by age")
            let value102 = try await ResidentModel.query(on: app.db).filter(\.$bsn == "999990019").count()
            XCTAssertEqual(value102, 1, "\(backend): the 2025 ending is kept")
            let value103 = try await HouseholdModel.query(on: app.db).count()
            XCTAssertEqual(value103, householdsBefore, "households and their dated facts stay, so counts stay right")
            let value104 = try await AuditPayloadModel.query(on: app.db).filter(\.$destroyedAt == nil).count()
            XCTAssertLessThan(value104, payloadsBefore, "old/new values of that household are destroyed")
            let value105 = try await DestructionRecordModel.query(on: app.db).count()
            XCTAssertEqual(value105, 1)
            let chain = try await verifyChain(app)
            XCTAssertNil(chain.firstBrokenSeq, "\(backend): the chain verifies without the destroyed values")
            let again = try await RetentionRunCommand.run(app, dryRun: false) { _ in }
            XCTAssertEqual(again.households, 0, "nothing twice")
        }
    }
}
