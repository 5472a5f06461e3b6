import Fluent
import Foundation
import MeedoenCore

/// Group decisions get the dated shape of every other fact (issue 14): `valid_to`, `superseded_at`
/// and `superseded_by`, so "which group on day D, as known at K" is the one `AsOf` rule instead of
/// "the latest valid_from wins". Existing decisions: a later decision from the same day supersedes
/// an earlier one; otherwise each ends the day before the next one starts — written as every end
/// is, the open row superseded and an ended copy (`copy_of`) recorded when the next one was, so
/// "as known at K" stays true for the past.
public struct M017_DateGroupAssignments: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("group_assignments").field("valid_to", .date).update()
        try await db.schema("group_assignments").field("superseded_at", .datetime).update()
        try await db.schema("group_assignments").field("superseded_by", .uuid).update()
        try await db.schema("group_assignments").field("copy_of", .uuid).update()
        try await Self.backfill(on: db)
    }

    /// Dates the rows not yet dated, per resident in the order "latest valid_from wins" read them.
    public static func backfill(on db: any Database) async throws {
        let rows = try await GroupAssignmentModel.query(on: db).filter(\.$supersededAt == nil).all()
        for (_, decisions) in Dictionary(grouping: rows, by: { $0.$resident.id }) {
            let ordered = decisions.sorted { ($0.validFrom, $0.recordedAt) < ($1.validFrom, $1.recordedAt) }
            for (index, row) in ordered.enumerated() where index + 1 < ordered.count {
                let next = ordered[index + 1]
                (row.supersededAt, row.supersededBy) = (next.recordedAt, next.recordedBy)
                try await row.update(on: db)
                guard Day(next.validFrom) != Day(row.validFrom) else { continue }
                try await row.endedCopy(validTo: Day(next.validFrom).adding(days: -1), recordedAt: next.recordedAt, id: UUID()).create(
                    on: db)
            }
        }
    }

    public func revert(on db: any Database) async throws {
        for field in ["copy_of", "superseded_by", "superseded_at", "valid_to"] {
            try await db.schema("group_assignments").deleteField(.key(.string(field))).update()
        }
    }
}
