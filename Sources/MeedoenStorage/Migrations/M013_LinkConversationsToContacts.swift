import Fluent
import SQLKit

/// A conversation is a contact (issue 12): an intake, a plan, a plan review or a lawfulness
/// review records exactly one contact, linked to it. Existing ones get theirs here, as a
/// conversation on the day it was held (the contact takes the source's id, so it is made once).
public struct M013_LinkConversationsToContacts: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("contacts").field("source_kind", .string).update()
        try await db.schema("contacts").field("source_id", .uuid).update()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "idx_contacts_source").on("contacts").column("source_id").unique().run()
        try await Self.linkMissing(on: db)
    }

    /// Gives every intake, plan and review without a contact its contact; run again after the
    /// demo data is loaded.
    public static func linkMissing(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let sources: [(kind: String, select: String)] = [
            (
                "intake",
                "SELECT i.id, r.household_id, i.held_on AS day, i.recorded_by, i.recorded_at FROM intakes i JOIN residents r ON r.id = i.resident_id"
            ),
            (
                "plan",
                "SELECT p.id, r.household_id, p.started_on AS day, p.recorded_by, p.recorded_at FROM plans p JOIN residents r ON r.id = p.resident_id"
            ),
            (
                "planReview",
                "SELECT v.id, r.household_id, v.reviewed_on AS day, v.recorded_by, v.recorded_at FROM plan_reviews v JOIN plans p ON p.id = v.plan_id JOIN residents r ON r.id = p.resident_id"
            ),
            (
                "caseReview",
                "SELECT c.id, r.household_id, c.held_on AS day, c.recorded_by, c.recorded_at FROM case_reviews c JOIN residents r ON r.id = c.resident_id"
            ),
        ]
        for source in sources {
            try await sql.raw(
                """
                INSERT INTO contacts (id, household_id, contact_on, kind, recorded_by, recorded_at, source_kind, source_id)
                SELECT s.id, s.household_id, s.day, 'conversation', s.recorded_by, s.recorded_at, \(bind: source.kind), s.id
                FROM (\(unsafeRaw: source.select)) s
                WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.source_id = s.id)
                """
            ).run()
        }
    }

    public func revert(on db: any Database) async throws {
        try await ContactModel.query(on: db).filter(\.$sourceID != nil).delete()
        try await db.schema("contacts").deleteField("source_kind").update()
        try await db.schema("contacts").deleteField("source_id").update()
    }
}
