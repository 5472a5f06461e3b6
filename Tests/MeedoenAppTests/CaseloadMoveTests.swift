import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import XCTVapor
import XCTest

@testable import MeedoenApp

/// Issue 12, point 12: select, preview, confirm, and undo within 30 days — exactly the moved
/// households, skipping one whose regisseur changed since.
final class CaseloadMoveTests: XCTestCase {
    func testSelectPreviewConfirmAndUndo() async throws {
        let clock = MovableClock()
        for backend in Backend.available {
            try await withApp(backend, clock: clock.clock) { app, fixture in
                // km directs three households: the fixture's and two more.
                let recorder = Recorder(userID: fixture.caseManager, clock: clock.clock, ids: .random)
                var extra: [UUID] = []
                for (bsn, name) in [("999998122", "Piet"), ("999998134", "Saar")] {
                    let created = try await HouseholdStore(db: app.db).createHousehold(
                        NewHousehold(
                            address: AddressFields(street: "Markt", houseNumber: "2", postcode: "8331 AC", city: "Steenwijk"),
                            municipalityID: fixture.municipality, directorID: fixture.caseManager,
                            applicant: ResidentFields(
                                bsn: try BSN(bsn), givenName: name, familyName: "Verhuis", dateOfBirth: Day(year: 1980, month: 1, day: 1)!,
                                relation: .applicant),
                            benefit: BenefitFacts(receivesBijstand: true, normCategory: .single, partialBenefit: false),
                            supportStart: Day(year: 2025, month: 1, day: 1)!),
                        organisationID: fixture.steenwijkerland, by: recorder)
                    extra.append(created.household)
                }
                // The teamleider of km's team sees the names; km2 joins that team to receive.
                let km2 = try await DirectoryStore(db: app.db).user(username: "km2")!
                km2.$team.id = try await DirectoryStore(db: app.db).user(username: "km")!.$team.id
                try await km2.update(on: app.db)
                let admin = Browser(app)
                try await admin.logIn("tl")
                let start = try await admin.get("/admin/caseload-move?fromId=\(fixture.caseManager)").body.string
                XCTAssertTrue(start.contains("Verhuis, Piet") && start.contains("Test, Yvonne"), "\(backend): the caseload to choose from")
                let target =
                    start.components(separatedBy: "id=\"toId\"").dropFirst().first?.components(separatedBy: "</select>").first ?? ""
                XCTAssertFalse(target.isEmpty || target.contains("selected"), "\(backend): no target preset")
                XCTAssertFalse(target.contains(fixture.caseManager.uuidString), "\(backend): never the source")

                let form: [String: String] = [
                    "fromId": fixture.caseManager.uuidString, "toId": fixture.otherCaseManager.uuidString, "validFrom": "2026-11-28",
                ]
                func post(_ path: String, _ households: [UUID]) async throws -> XCTHTTPResponse {
                    var fields = form
                    fields["_csrf"] = admin.csrf
                    var body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                    body += households.map { "household%5B%5D=\($0.uuidString)" }
                    var captured: XCTHTTPResponse!
                    try await app.test(
                        .POST, path,
                        beforeRequest: { req async throws in
                            req.headers.replaceOrAdd(name: .cookie, value: admin.cookie ?? "")
                            req.headers.contentType = .urlEncodedForm
                            req.body = ByteBuffer(string: body.joined(separator: "&"))
                        }, afterResponse: { res async throws in captured = res })
                    return captured
                }
                let none = try await post("/admin/caseload-move/preview", [])
                XCTAssertEqual(none.status, .badRequest, "\(backend): nothing chosen")
                let preview = try await post("/admin/caseload-move/preview", extra)
                XCTAssertEqual(
                    preview.status, .ok,
                    "\(backend): \(preview.body.string.components(separatedBy: "<h1>").dropFirst().first?.prefix(400) ?? "")")
                XCTAssertTrue(preview.body.string.contains("<td>3</td><td>1</td>"), "\(backend): km 3 → 1")
                XCTAssertTrue(preview.body.string.contains("<td>1</td><td>3</td>"), "\(backend): km2 1 → 3")
                let unchanged = try await HouseholdStore(db: app.db).caseload(of: fixture.caseManager, on: Day(testNow))
                XCTAssertEqual(unchanged.count, 3, "\(backend): a preview moves nothing")

                let moved = try await post("/admin/caseload-move", extra)
                XCTAssertEqual(moved.status, .seeOther, "\(backend)")
                let after = try await HouseholdStore(db: app.db).caseload(of: fixture.otherCaseManager, on: Day(testNow))
                XCTAssertEqual(Set(after), Set(extra + [fixture.colleagueHousehold]), "\(backend): exactly the chosen ones")

                // Someone changes one of them since; the undo moves back the other and says so.
                clock.advance(60)
                let later = Recorder(userID: nil, clock: clock.clock, ids: .random)
                let teamLeader = try await DirectoryStore(db: app.db).user(username: "tl")!
                try await HouseholdStore(db: app.db).setDirector(
                    extra[1], to: teamLeader.id!, from: Day(testNow), organisationID: fixture.steenwijkerland, by: later)
                let move = try await CaseloadMoveModel.query(on: app.db).first()!
                try await admin.get("/admin/caseload-move")
                let undone = try await admin.post("/admin/caseload-move/\(move.id!)/undo", [:])
                XCTAssertEqual(undone.status, .seeOther, "\(backend)")
                let page = try await admin.get("/admin/caseload-move").body.string
                XCTAssertTrue(
                    page.contains("1 huishouden is teruggezet") && page.contains("1 huishouden is overgeslagen"), "\(backend): \(page)")
                let back = try await HouseholdStore(db: app.db).caseload(of: fixture.caseManager, on: Day(testNow))
                XCTAssertEqual(Set(back), [fixture.ownHousehold, extra[0]], "\(backend)")
                let twice = try await admin.post("/admin/caseload-move/\(move.id!)/undo", [:])
                XCTAssertEqual(twice.status, .conflict, "\(backend): once")
                let chain = try await verifyChain(app)
                XCTAssertTrue(chain.intact, "\(backend)")
            }
        }
    }

    /// A move that starts next month is undone on its own first day, not skipped as "changed".
    func testAFutureMoveIsUndoneWhole() async throws {
        try await withApp { app, fixture in
            let recorder = Recorder(userID: nil, clock: .fixed(testNow), ids: .random)
            let store = HouseholdStore(db: app.db)
            let move = try await store.moveCaseload(
                [fixture.ownHousehold], from: fixture.caseManager, to: fixture.otherCaseManager, from: Day(year: 2027, month: 1, day: 1)!,
                organisationID: fixture.steenwijkerland, by: recorder)
            let outcome = try await store.undo(move, today: Day(testNow), by: recorder)
            XCTAssertEqual(outcome.back, [fixture.ownHousehold])
            XCTAssertEqual(outcome.skipped, [])
            let january = try await store.caseload(of: fixture.caseManager, on: Day(year: 2027, month: 1, day: 2)!)
            XCTAssertTrue(january.contains(fixture.ownHousehold), "the transfer does not happen later after all")
            do {
                _ = try await store.undo(move, today: Day(testNow), by: recorder)
                XCTFail("an undo runs once")
            } catch HouseholdStore.Problem.alreadyUndone {}
        }
    }
}
