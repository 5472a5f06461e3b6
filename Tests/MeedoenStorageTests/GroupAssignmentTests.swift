import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import SQLKit
import XCTest

/// Group decisions in the dated shape (M017): a decision holds until the next later one, one for
/// the same day replaces it, and the worklist SQL (AsOf) and the store agree on both backends.
final class GroupAssignmentTests: XCTestCase {
    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }

    func testDecisionsHoldUntilTheNextOne() async throws {
        for backend in StorageBackend.available {
            try await withStorage(backend) { db in
                let world = try await AccessWorld.build(on: db, today: d(2026, 11, 28))
                let household = world.householdNames.first { $0.value == "eigen" }!.key
                let resident = try await HouseholdStore(db: db).applicants(of: [household]).first!.id
                let store = CaseworkStore(db: db)
                var clock = d(2026, 11, 28).date.addingTimeInterval(12 * 3600)
                func decide(_ code: String, from: Day) async throws {
                    clock += 60
                    let recorder = Recorder(userID: nil, clock: .fixed(clock), ids: .random)
                    try await store.assign(
                        .init(groupCode: code, proposedCode: code, reasons: [], overrideReason: nil, profileVersion: 1, validFrom: from),
                        to: resident, by: recorder)
                }
                try await decide("A", from: d(2026, 1, 1))
                try await decide("C", from: d(2026, 6, 1))
                try await decide("B", from: d(2026, 3, 1))  // backdated between the two
                let beforeCorrection = clock
                try await decide("D", from: d(2026, 6, 1))  // a correction for the same day
                let sql = db as! any SQLDatabase
                struct Row: Decodable { var groupCode: String }
                func inSQL(_ day: Day, knownAt: Date? = nil) async throws -> [String] {
                    try await sql.raw(
                        "SELECT ga.group_code FROM group_assignments ga WHERE ga.resident_id = \(bind: resident) AND "
                            + AsOf(day, knownAt: knownAt).holds("ga")
                    ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.groupCode)
                }
                for (day, code) in [(d(2026, 2, 1), "A"), (d(2026, 4, 1), "B"), (d(2026, 7, 1), "D"), (d(2025, 12, 1), nil)] {
                    let stored = try await store.currentAssignment(of: resident, on: day)?.groupCode
                    XCTAssertEqual(stored, code, "\(backend) \(day.iso)")
                    let viaSQL = try await inSQL(day)
                    XCTAssertEqual(viaSQL, code.map { [$0] } ?? [], "\(backend) \(day.iso): one row, the same")
                }
                let asKnown = try await inSQL(d(2026, 7, 1), knownAt: beforeCorrection)
                XCTAssertEqual(asKnown, ["C"], "\(backend): as known before the correction")
                let history = try await store.assignments(of: resident).map(\.groupCode)
                XCTAssertEqual(history, ["D", "C", "B", "A"], "\(backend): every decision taken, not the ended copies")
            }
        }
    }

    /// Decisions stored before M017 get their ends: the next one's start, or superseded by a later one of the same day.
    func testTheBackfill() async throws {
        for backend in StorageBackend.available {
            try await withStorage(backend) { db in
                let world = try await AccessWorld.build(on: db, today: d(2026, 11, 28))
                let household = world.householdNames.first { $0.value == "collega" }!.key
                let resident = try await HouseholdStore(db: db).applicants(of: [household]).first!.id
                let base = d(2026, 11, 1).date
                for (index, (code, from)) in [("A", d(2026, 1, 1)), ("B", d(2026, 3, 1)), ("B2", d(2026, 3, 1))].enumerated() {
                    let model = GroupAssignmentModel()
                    model.id = UUID()
                    model.$resident.id = resident
                    (model.groupCode, model.reasons, model.decision, model.validFrom) = (code, "", "confirmed", from.date)
                    model.recordedAt = base.addingTimeInterval(Double(index) * 60)
                    try await model.create(on: db)
                }
                try await M017_DateGroupAssignments.backfill(on: db)
                let rows = try await GroupAssignmentModel.query(on: db).filter(\.$resident.$id == resident).all()
                let a = rows.first { $0.groupCode == "A" && $0.copyOf != nil }!
                XCTAssertEqual(a.validTo.map(Day.init), d(2026, 2, 28), "\(backend): ended the day before B")
                XCTAssertNotNil(
                    rows.first { $0.groupCode == "A" && $0.copyOf == nil }!.supersededAt, "\(backend): the open row is kept, superseded")
                XCTAssertNotNil(rows.first { $0.groupCode == "B" }!.supersededAt, "\(backend)")
                XCTAssertNil(rows.first { $0.groupCode == "B2" }!.validTo, "\(backend)")
                let now = try await CaseworkStore(db: db).currentAssignment(of: resident, on: d(2026, 11, 28))?.groupCode
                XCTAssertEqual(now, "B2", "\(backend)")
            }
        }
    }
}
