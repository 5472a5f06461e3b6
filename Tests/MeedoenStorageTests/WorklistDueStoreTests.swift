import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import XCTest

/// The stored due dates (M018) list, on both backends, exactly the clients `Worklist.reasons` puts
/// on each list — computed from the same rows the live worklists read — on several days.
final class WorklistDueStoreTests: XCTestCase {
    private func profile() throws -> PolicyProfile {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/Profiles/steenwijkerland.json")
        return try PolicyProfile.load(Data(contentsOf: url), file: "steenwijkerland.json")
    }

    func testTheStoredRowsListWhatTheRulesList() async throws {
        let profile = try profile()
        for backend in StorageBackend.available {
            try await withStorage(backend) { db in
                let today = Day(year: 2026, month: 11, day: 28)!
                let world = try await AccessWorld.build(on: db, today: today)
                let organisation = world.viewers[0].viewer.organisationID
                // Some variety: one client measured on the ladder and with a running plan.
                let households = HouseholdStore(db: db)
                let first = try await households.worklistRows(organisationID: organisation, on: today, countingKinds: nil)[0]
                let recorder = Recorder(userID: nil, clock: .fixed(today.date), ids: .random)
                try await households.addMeasurement(
                    LadderMeasurement(measuredOn: today.adding(days: -30), rung: .organisedActivities, expectedEnd: nil, kind: .start),
                    for: first.residentId, by: recorder)
                _ = try await CaseworkStore(db: db).addPlan(
                    .init(
                        startedOn: today.adding(days: -30), agreements: nil, obligations: nil, nextReviewOn: today.adding(days: 60),
                        goals: [PlanGoal(description: "Werk", actions: nil, targetOn: today.adding(days: 200))]),
                    for: first.residentId, by: recorder)

                let store = WorklistDueStore(db: db)
                var listed = 0
                for day in [today, today.adding(days: 61), today.adding(days: 400)] {
                    let written = try await store.refresh(organisationID: organisation, profile: profile, on: day)
                    XCTAssertGreaterThan(written, 0, "\(backend)")
                    let rows = try await households.worklistRows(
                        organisationID: organisation, on: day, countingKinds: profile.contacts.countingKinds)
                    for list in Worklist.List.allCases where list != .outreach {
                        let expected = Set(
                            rows.filter { row in
                                row.snapshot.map { Worklist.reasons($0, profile: profile, today: day).contains { $0.list == list } }
                                    ?? false
                            }.map(\.residentId))
                        let stored = try await store.residents(on: list, organisationID: organisation, on: day)
                        XCTAssertEqual(stored, expected, "\(backend) \(list) on \(day)")
                        listed += stored.count
                    }
                }
                XCTAssertGreaterThan(listed, 5, "\(backend): the lists are not all empty")

                // A household's refresh replaces its own rows only.
                let before = try await store.residents(on: .contacts, organisationID: organisation, on: today.adding(days: 400))
                try await store.refresh(organisationID: organisation, households: [first.householdId], profile: profile, on: today)
                let after = try await store.residents(on: .contacts, organisationID: organisation, on: today.adding(days: 400))
                XCTAssertEqual(after, before, "\(backend)")
            }
        }
    }
}
