import Fluent
import Foundation
import MeedoenCore
import SQLKit

/// The stored due dates of the worklists (issue 16, M018): `Worklist.dueDates` per client, written
/// again for a household when its facts change, for an organisation when its profile does, and
/// once a day for everyone (dated facts — a support period, a regisseur — change without an event).
public struct WorklistDueStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// Recomputes the rows of an organisation's households (all of them, or those given) as of `day`.
    @discardableResult
    public func refresh(organisationID: UUID, households: [UUID]? = nil, profile: PolicyProfile, on day: Day) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let rows = try await HouseholdStore(db: db).worklistRows(
            organisationID: organisationID, households: households, on: day, countingKinds: profile.contacts.countingKinds)
        var delete = sql.delete(from: "worklist_due").where("organisation_id", .equal, SQLBind(organisationID))
        if let households {
            guard !households.isEmpty else { return 0 }
            delete = delete.where("household_id", .in, SQLBind.group(households))
        }
        try await delete.run()
        var values: [[any SQLExpression]] = []
        for row in rows {
            guard let snapshot = row.snapshot else { continue }
            for due in Worklist.dueDates(snapshot, profile: profile) {
                values.append([
                    SQLBind(organisationID), SQLBind(row.householdId), SQLBind(row.residentId), SQLBind(due.list.rawValue),
                    SQLBind(due.review?.rawValue), SQLBind(due.from.date), SQLBind(due.until?.date), SQLBind(day.date),
                ])
            }
        }
        // In chunks under SQLite's limit on bound parameters (8 per row).
        for start in stride(from: 0, to: values.count, by: 100) {
            var insert = sql.insert(into: "worklist_due").columns(
                "organisation_id", "household_id", "resident_id", "list", "review_kind", "from_day", "until_day", "computed_on")
            for row in values[start..<min(start + 100, values.count)] { insert = insert.values(row) }
            try await insert.run()
        }
        return values.count
    }

    /// "On the list on day D" for a stored row (`WorklistDue.applies(on:)` in SQL), one place for every query.
    static func applies(_ alias: String, on day: Day) -> SQLQueryString {
        "\(ident: alias).from_day <= \(bind: day.date) AND (\(ident: alias).until_day IS NULL OR \(ident: alias).until_day >= \(bind: day.date))"
    }

    /// The clients on a list on a day, by the stored rows (the list's scoping to a viewer comes on top).
    public func residents(on list: Worklist.List, organisationID: UUID, on day: Day) async throws -> Set<UUID> {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { var residentId: UUID }
        let query: SQLQueryString =
            "SELECT DISTINCT wd.resident_id FROM worklist_due wd WHERE wd.organisation_id = \(bind: organisationID)"
            + " AND wd.list = \(bind: list.rawValue) AND " + Self.applies("wd", on: day)
        let rows = try await sql.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Set(rows.map(\.residentId))
    }
}
