import Fluent
import SQLKit

/// When each client comes onto each worklist (issue 16): `Worklist.dueDates` stored per client, so
/// a list becomes "from_day <= today" on an index instead of evaluating every client per request.
public struct M018_CreateWorklistDue: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("worklist_due")
            .field("organisation_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            // No foreign key: a file destroyed at the end of its retention takes its rows along with
            // the next refresh, and never blocks the destruction.
            .field("resident_id", .uuid, .required)
            .field("list", .string, .required)
            .field("review_kind", .string)
            .field("from_day", .date, .required)
            .field("until_day", .date)
            .field("computed_on", .date, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "idx_worklist_due_list").on("worklist_due").column("organisation_id").column("list").column("from_day")
            .run()
        try await sql.create(index: "idx_worklist_due_household").on("worklist_due").column("household_id").run()
    }

    public func revert(on db: any Database) async throws { try await db.schema("worklist_due").delete() }
}
