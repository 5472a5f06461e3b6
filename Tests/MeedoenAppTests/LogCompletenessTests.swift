import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 12, points 2, 4, 5 and 6: what the log and the inzage show, and what lists may give.
final class LogCompletenessTests: XCTestCase {
    /// A search logs its text and everyone it showed; "who looked at me" finds it.
    func testASearchIsLoggedWithItsTextAndEveryoneFound() async throws {
        try await withEachBackend { app, fixture, backend in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("/households")
            try await browser.post("/households/search", ["q": "999990019"])
            let page = try await browser.get("/households").body.string
            XCTAssertTrue(page.contains("Farah"), "\(backend)")
            let farah = try await ResidentModel.query(on: app.db).filter(\.$bsn == "999990019").first()!
            let entry = try await AuditEventModel.query(on: app.db).filter(\.$action == "lijst").sort(\.$seq, .descending).first()!
            let payload = try await AuditPayloadModel.find(entry.id, on: app.db)?.data ?? ""
            XCTAssertTrue(payload.contains("999990019"), "\(backend): the search text is in the entry's payload")
            XCTAssertTrue(payload.contains(farah.id!.uuidString), "\(backend): and who was shown")
            let found = try await AuditQueries(db: app.db).events(household: farah.$household.id, resident: farah.id)
            XCTAssertTrue(found.contains { $0.seq == entry.seq }, "\(backend): the privacy officer's log finds the search")
            // The session keeps the search text sealed, not readable.
            let sessions = try await SessionRecord.query(on: app.db).all()
            XCTAssertFalse(sessions.contains { $0.data.snapshot.values.contains { $0.contains("999990019") } }, "\(backend)")
            let verified = try await verifyChain(app)
            XCTAssertTrue(verified.intact, "\(backend)")
        }
    }

    /// A search by a member's BSN logs that member as found, not only the applicant on the row;
    /// a one-letter or wildcard search is no way around the bulk rule.
    func testASearchLogsWhoItFoundAndIsNoBulkExport() async throws {
        try await withApp { app, fixture in
            let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
            let child = try await HouseholdStore(db: app.db).addMember(
                ResidentFields(
                    bsn: try BSN("999998286"), givenName: "Kees", familyName: "Test", dateOfBirth: Day(year: 2007, month: 3, day: 1)!,
                    relation: .child),
                to: fixture.ownHousehold, organisationID: fixture.steenwijkerland, by: recorder)
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.get("/households")
            try await browser.post("/households/search", ["q": "999998286"])
            try await browser.get("/households")
            let found = try await AuditQueries(db: app.db).events(household: UUID(), resident: child)
            XCTAssertTrue(found.contains { $0.action == "lijst" }, "the child found by BSN is in the child's own log")

            let leader = try await APITests.token(for: "tl", app: app)
            for wildcard in [#"{"q":"_"}"#, #"{"q":"e"}"#, #"{"q":"%%"}"#] {
                let response = try await apiRequest(app, .POST, "/api/v1/households/search", token: leader, json: wildcard)
                XCTAssertEqual(response.status, .badRequest, wildcard)
            }
            let name = try await apiRequest(app, .POST, "/api/v1/households/search", token: leader, json: #"{"q":"t_st"}"#)
            XCTAssertEqual(try name.content.decode(ListDTO<HouseholdSummaryDTO>.self).total, 0, "_ is matched literally")
        }
    }

    /// A functioneel beheerder cannot make another beheerder (their own second pair of eyes).
    func testABeheerderCannotCreateABeheerder() async throws {
        try await withApp { app, _ in
            let admin = Browser(app)
            try await admin.logIn("fb")
            try await admin.get("/admin/users/new")
            let refused = try await admin.post(
                "/admin/users", ["username": "fb2", "displayName": "Tweede Beheerder", "role": "functionalAdmin"])
            XCTAssertEqual(refused.status, .badRequest)
            let none = try await DirectoryStore(db: app.db).user(username: "fb2")
            XCTAssertNil(none)
        }
    }

    /// Bulk lists in the API only for one's own caseload; a teamleider searches.
    func testBulkListsOnlyForTheOwnCaseload() async throws {
        try await withApp { app, _ in
            let leader = try await APITests.token(for: "tl", app: app)
            let listed = try await apiRequest(app, .GET, "/api/v1/clients?per=200", token: leader)
            XCTAssertEqual(try listed.content.decode(ListDTO<ClientDTO>.self).total, 0, "no bulk export of the team's files")
            let households = try await apiRequest(app, .GET, "/api/v1/households?per=200", token: leader)
            XCTAssertEqual(try households.content.decode(ListDTO<HouseholdSummaryDTO>.self).total, 0)
            let own = try await apiRequest(app, .GET, "/api/v1/clients", token: try await APITests.token(for: "km", app: app))
            XCTAssertEqual(try own.content.decode(ListDTO<ClientDTO>.self).total, 1, "the own caseload is listed")
        }
    }

    /// The inzage holds the contacts with what was said, in Dutch part names.
    func testTheInzageHoldsContactsAndDutchPartNames() async throws {
        try await withApp { app, fixture in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await browser.post(
                SitePath.household(.id(fixture.ownHousehold), .contacts).path,
                [
                    "contactOn": "2026-11-27", "participant-\(fixture.ownApplicant)": "ja", "kind": "homeVisit",
                    "summary": "Gesprek over vrijwilligerswerk",
                ])
            try await browser.get(SitePath.household(.id(fixture.ownHousehold)).path)
            let officer = Browser(app)
            try await officer.logIn("pf")
            let json = try await officer.get("/privacy/residents/\(fixture.ownApplicant)/inzage.json").body.string
            XCTAssertTrue(json.contains("Gesprek over vrijwilligerswerk"), "the contact and what was said")
            let log = try await officer.get("/privacy/residents/\(fixture.ownApplicant)").body.string
            XCTAssertTrue(
                log.contains("contacten, gespreksverslagen (extra beveiligd)"), "the household page logs the notes it shows, in Dutch")
            XCTAssertFalse(log.contains(">contacts<"))
        }
    }

    /// Expired sessions go at start-up and every hour.
    func testExpiredSessionsAreDeleted() async throws {
        let clock = MovableClock()
        try await withApp(clock: clock.clock) { app, _ in
            let browser = Browser(app)
            try await browser.logIn("km")
            try await Browser(app).get("/login")
            let before = try await SessionRecord.query(on: app.db).count()
            XCTAssertGreaterThanOrEqual(before, 2)
            let none = try await SessionCleanup.run(app)
            XCTAssertEqual(none, 0, "fresh sessions stay")
            clock.advance(31 * 60)
            let removed = try await SessionCleanup.run(app)
            XCTAssertEqual(removed, before, "idle past 30 minutes: gone")
            let after = try await SessionRecord.query(on: app.db).count()
            XCTAssertEqual(after, 0)
        }
    }
}
