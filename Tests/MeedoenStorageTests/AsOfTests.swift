import Fluent
import Foundation
import MeedoenCore
import MeedoenStorage
import SQLKit
import XCTest

/// The one "holds on day D, as known at moment K" rule (Storage/Reporting/AsOf.swift), on both backends.
final class AsOfTests: XCTestCase {
    func testADatedFactAsKnownAtAMoment() async throws {
        for backend in StorageBackend.available {
            try await withStorage(backend) { db in
                let world = try await AccessWorld.build(on: db, today: Day(year: 2026, month: 11, day: 28)!)
                let household = world.householdNames.first { $0.value == "eigen" }!.key
                let users = try await UserModel.query(on: db).all()
                func id(_ name: String) -> UUID { users.first { $0.username == name }!.id! }
                let before = Day(year: 2026, month: 11, day: 28)!.date.addingTimeInterval(11 * 3600)
                let moment = before.addingTimeInterval(3600)
                // At `moment` the regisseur becomes km2 from 1 December 2026.
                let recorder = Recorder(userID: nil, clock: .fixed(moment), ids: .random)
                try await HouseholdStore(db: db).setDirector(
                    household, to: id("km2"), from: Day(year: 2026, month: 12, day: 1)!, organisationID: users.first!.$organisation.id!,
                    by: recorder)
                let sql = db as! any SQLDatabase
                struct Row: Decodable { var directorId: UUID }
                func director(on day: Day, knownAt: Date?) async throws -> [UUID] {
                    let asOf = AsOf(day, knownAt: knownAt)
                    return try await sql.raw(
                        "SELECT hd.director_id FROM household_directors hd WHERE hd.household_id = \(bind: household) AND "
                            + asOf.holds("hd")
                    ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.directorId)
                }
                let december = Day(year: 2026, month: 12, day: 5)!
                let november = Day(year: 2026, month: 11, day: 20)!
                var result = try await director(on: december, knownAt: nil)
                XCTAssertEqual(result, [id("km2")], "\(backend): as known now")
                result = try await director(on: november, knownAt: nil)
                XCTAssertEqual(result, [id("km")], "\(backend): the earlier part stays km's")
                result = try await director(on: december, knownAt: before)
                XCTAssertEqual(result, [id("km")], "\(backend): as known before the change")
                result = try await director(on: december, knownAt: moment)
                XCTAssertEqual(result, [id("km2")], "\(backend): as known from the change")

                // The loaded file asks the same rule in Swift (Dated.holds) and gets the same answers.
                let loaded = try await HouseholdDirectorModel.query(on: db).filter(\.$household.$id == household).all().map(\.dated)
                for day in [november, december] {
                    for knownAt in [nil, before, moment, moment.addingTimeInterval(86400)] {
                        let sqlAnswer = try await director(on: day, knownAt: knownAt)
                        let swiftAnswer = loaded.filter { $0.holds(on: day, knownAt: knownAt) }.map(\.value)
                        XCTAssertEqual(
                            Set(swiftAnswer), Set(sqlAnswer), "\(backend): \(day.iso) as known at \(String(describing: knownAt))")
                    }
                }
            }
        }
    }
}
