import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import SQLKit
import XCTest

/// The data written before issue 13 keeps its meaning after M015 and M016, on both backends.
final class MigrationBackfillTests: XCTestCase {
    /// A household contact of before counts for applicant and partner; a conversation for its client.
    func testOldContactsGetTheirParticipants() async throws {
        for backend in Backend.available {
            try await withApp(backend) { app, fixture in
                let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
                let store = HouseholdStore(db: app.db)
                let partner = try await store.addMember(
                    ResidentFields(
                        bsn: try BSN("111222333"), givenName: "Karim", familyName: "Test", dateOfBirth: Day(year: 1982, month: 4, day: 2)!,
                        relation: .partner), to: fixture.ownHousehold, organisationID: fixture.steenwijkerland, by: recorder)
                try await store.addContact(
                    Day(year: 2026, month: 11, day: 2)!, kind: .homeVisit, summary: nil, to: fixture.ownHousehold,
                    participants: [fixture.ownApplicant], by: recorder)
                // As stored before M015: no participants.
                let sql = app.db as! any SQLDatabase
                try await sql.delete(from: "contact_participants").run()
                try await M015_AddContactParticipants.addMissing(on: app.db)
                let participants = try await store.contactParticipants(of: fixture.ownHousehold)
                XCTAssertEqual(participants.values.first, [fixture.ownApplicant, partner], "\(backend)")
                try await M015_AddContactParticipants.addMissing(on: app.db)
                let again = try await store.contactParticipants(of: fixture.ownHousehold)
                XCTAssertEqual(again.values.first?.count, 2, "\(backend): run twice, added once")
            }
        }
    }

    /// A lid-4 measure of before counts as lid 5, so a breach within twelve months is a repeat (lid 6).
    func testOldMeasuresCountForTheRepeatRules() async throws {
        for backend in Backend.available {
            try await withApp(backend) { app, fixture in
                let recorder = Recorder(userID: fixture.caseManager, clock: .fixed(testNow), ids: .random)
                let first = Day(year: 2026, month: 3, day: 1)!
                let measure = Measure(
                    ground: .workObligation, breach: "Baan geweigerd", proportionalityCheck: String(repeating: "afweging ", count: 4),
                    blame: .full, percentage: 100, months: 1, startsOn: first, breachKind: .acceptOrKeepWork, breachOn: first)
                try await CaseworkStore(db: app.db).addMeasure(
                    measure, ruleSet: .participatiewet2015, step: .lid5, for: fixture.ownApplicant, by: recorder)
                // As stored before M016: none of its columns.
                let sql = app.db as! any SQLDatabase
                for column in ["rule_set", "decided_on", "repeat_step", "spread"] {
                    try await sql.update("measures").set(column, to: SQLLiteral.null).run()
                }
                try await M016_AddMeasureRules.backfill(on: app.db)
                let stored = try await CaseworkStore(db: app.db).measures(of: fixture.ownApplicant)
                XCTAssertEqual(stored.map(\.repeatStep), [.lid5], "\(backend)")
                XCTAssertEqual(stored.map(\.ruleSet), [MeasureRuleSet.participatiewet2015.id], "\(backend)")
                XCTAssertEqual(stored.first?.decidedOn, first, "\(backend)")
                let proposal = Measure.workObligationProposal(
                    breachOn: Day(year: 2026, month: 11, day: 20)!,
                    context: Measure.Context(
                        ordinance: MeasureOrdinance(firstPeriodMonths: 1, repeatPeriodMonths: 2, source: "x"),
                        earlier: stored.map(\.earlier), today: Day(testNow)))
                XCTAssertEqual(proposal.step, .lid6, "\(backend)")
            }
        }
    }
}
